package care.mend.reminder;

import care.mend.platform.problem.MendException;
import care.mend.platform.problem.ProblemCode;
import care.mend.program.Patient;
import care.mend.program.PatientRepository;
import care.mend.security.CurrentUser;
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
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The patient's own reminder choice, on their page. Their record is found by their subject, so there is no id to get
 * wrong; like their chosen name, it is their own and not a row of the access log.
 */
@Path("me/reminders")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reminders", description = "E-mail before each session, for the patients who ask for it")
public class OwnRemindersResource {

    @Inject
    CurrentUser user;

    @Inject
    PatientRepository patients;

    @Inject
    Reminders reminders;

    @Inject
    ReminderJob job;

    @GET
    @ReadAccess(ReadAccess.Rule.SIGNED_IN)
    @Transactional(Transactional.TxType.SUPPORTS)
    @Operation(summary = "The caller's own reminder choice (patients)",
            description = "403 for a caller with no patient record.")
    public ReminderPreferenceResponse get() {
        Patient self = self();
        return ReminderPreferenceResponse.of(self.id(), reminders, job.settings());
    }

    @PUT
    @WriteAccess(WriteAccess.Rule.PATIENT)
    @Transactional
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Turn the caller's own session reminders by e-mail on or off (patients)",
            description = "The e-mail says only when 'your group' meets and links to this page: no program, group"
                    + " or diagnosis. 403 for a caller with no patient record.")
    public ReminderPreferenceResponse choose(@NotNull @Valid ReminderPreferenceRequest body) {
        Patient self = self();
        reminders.choose(self.id(), body.email(), ReminderPreference.ChangedBy.PATIENT);
        return ReminderPreferenceResponse.of(self.id(), reminders, job.settings());
    }

    private Patient self() {
        return patients.findByIdpSubject(user.subject()).orElseThrow(() -> new MendException(
                ProblemCode.ACCESS_DENIED, "Only a patient chooses reminders for themselves"));
    }
}
