package care.mend.safety;

import care.mend.attendance.LocationAttestations;
import care.mend.platform.problem.MendException;
import care.mend.program.Jurisdiction;
import care.mend.program.Licensure;
import care.mend.program.Patient;
import care.mend.program.Site;
import care.mend.program.StaffMember;
import care.mend.schedule.GroupSession;
import care.mend.schedule.Rosters;
import care.mend.schedule.SessionRoster;
import care.mend.schedule.TherapyGroup;
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
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The safety panel of one patient of a session, read when the facilitator opens it. */
@Path("sessions/{sessionId}/safety/{patientId}")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Safety", description = "The facilitator's safety panel during a session")
public class SafetyResource {

    @PersistenceContext(unitName = "mend")
    EntityManager em;

    @Inject
    Rosters rosters;

    @Inject
    LocationAttestations attestations;

    @Inject
    AccessPolicy access;

    @GET
    @Transactional
    @ReadAccess(ReadAccess.Rule.SIGNED_IN)
    @Operation(summary = "One patient's stated location, emergency contact and the site's crisis instructions (the"
            + " group's facilitators and admins, for a patient on the session's roster; one row of the access log"
            + " per request)")
    public SafetyPanelResponse panel(@PathParam("sessionId") UUID sessionId, @PathParam("patientId") UUID patientId) {
        GroupSession session = em.find(GroupSession.class, sessionId);
        if (session == null) {
            throw MendException.notFound("session", sessionId);
        }
        SessionRoster roster = rosters.of(session);
        return access.readSafety(roster, patientId, () -> read(session, roster, patientId));
    }

    private SafetyPanelResponse read(GroupSession session, SessionRoster roster, UUID patientId) {
        Patient patient = em.find(Patient.class, patientId);
        TherapyGroup group = em.find(TherapyGroup.class, session.groupId());
        Site site = em.find(Site.class, group.siteId());
        LocationAttestations.Statement said = attestations.latestStatementsFor(session.id()).get(patientId);
        Jurisdiction place = said == null ? null : said.jurisdiction();
        List<UUID> staffIds = roster.facilitators().stream().map(SessionRoster.FacilitatorEntry::staffId).toList();
        List<Set<String>> licensed = staffIds.isEmpty() ? List.of() : em.createQuery(
                "select s from StaffMember s where s.id in :ids", StaffMember.class).setParameter("ids", staffIds)
                .getResultList().stream().map(StaffMember::licensedStates).toList();
        return new SafetyPanelResponse(session.id(), patientId, patient.displayName(),
                said == null ? null : said.location(), place == null ? null : place.code(),
                place == null ? null : place.displayName(), Licensure.outsideLicensure(place, licensed),
                new SafetyPanelResponse.Contact(patient.emergencyContact().name(), patient.emergencyContact().phone()),
                site.crisisInstructions());
    }
}
