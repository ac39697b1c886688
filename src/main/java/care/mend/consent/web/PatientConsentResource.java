package care.mend.consent.web;

import care.mend.consent.Consents;
import care.mend.platform.problem.MendException;
import care.mend.program.Patient;
import care.mend.security.AccessPolicy;
import care.mend.security.ReadAccess;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A patient's consent on their record, for staff: standing per program and every decision. */
@Path("patients/{id}/consents")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Consent", description = "Telehealth consent and the group agreement, per program, versioned")
public class PatientConsentResource {

    @Inject
    Consents consents;

    @Inject
    AccessPolicy access;

    @PersistenceContext(unitName = "mend")
    EntityManager em;

    @GET
    @Transactional
    @ReadAccess(ReadAccess.Rule.SIGNED_IN)
    @Operation(summary = "A patient's consent per program and the history of their decisions (staff who may see the"
            + " patient; one row of the access log per request)")
    public PatientConsentsResponse consents(@PathParam("id") UUID patientId) {
        return access.readConsent(patientId, () -> {
            Patient patient = em.find(Patient.class, patientId);
            if (patient == null) {
                throw MendException.notFound("patient", patientId);
            }
            return new PatientConsentsResponse(patientId, consents.programsOf(patientId).stream()
                    .map(p -> ProgramConsentResponse.from(p, consents.verdict(patientId, p.id()))).toList(),
                    consents.history(patientId).stream()
                            .map(d -> PatientConsentsResponse.Decision.from(d, patient.idpSubject())).toList());
        });
    }
}
