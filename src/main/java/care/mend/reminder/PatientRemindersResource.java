package care.mend.reminder;

import care.mend.program.PatientService;
import care.mend.security.AccessPolicy;
import care.mend.security.ReadAccess;
import care.mend.security.WriteAccess;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A patient's reminder choice for staff: read by whoever may read the patient (a row of the access log, as the
 * patient's record), set by admins on the admin patients page, as other changes of a patient's record.
 */
@Path("patients/{id}/reminders")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reminders", description = "E-mail before each session, for the patients who ask for it")
public class PatientRemindersResource {

    @Inject
    PatientService patients;

    @Inject
    Reminders reminders;

    @Inject
    ReminderJob job;

    @Inject
    AccessPolicy access;

    @GET
    @ReadAccess(ReadAccess.Rule.SIGNED_IN)
    @Transactional
    @Operation(summary = "A patient's reminder choice", description = "As reading the patient: 403 otherwise.")
    public ReminderPreferenceResponse get(@PathParam("id") UUID id) {
        return access.readPatient(id, () -> {
            patients.get(id);
            return ReminderPreferenceResponse.of(id, reminders, job.settings());
        });
    }

    @PUT
    @WriteAccess(value = WriteAccess.Rule.ADMIN, concerns = WriteAccess.PatientData.PATIENT)
    @Transactional
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Turn a patient's session reminders by e-mail on or off (admins)",
            description = "404 for an unknown patient.")
    public ReminderPreferenceResponse choose(@PathParam("id") UUID id,
                                             @NotNull @Valid ReminderPreferenceRequest body) {
        access.requireAdmin();
        patients.get(id);
        reminders.choose(id, body.email(), ReminderPreference.ChangedBy.STAFF);
        return ReminderPreferenceResponse.of(id, reminders, job.settings());
    }
}
