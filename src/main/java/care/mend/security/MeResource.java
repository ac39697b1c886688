package care.mend.security;

import care.mend.program.Patient;
import care.mend.platform.problem.MendException;
import care.mend.platform.problem.ProblemCode;
import care.mend.program.PatientRepository;
import care.mend.program.PatientService;
import care.mend.program.StaffMember;
import care.mend.program.StaffMemberRepository;
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
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("me")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Me", description = "The signed-in caller")
public class MeResource {

    @Inject
    CurrentUser user;

    @Inject
    StaffMemberRepository staff;

    @Inject
    PatientRepository patients;

    @Inject
    PatientService patientService;

    @GET
    @ReadAccess(ReadAccess.Rule.SIGNED_IN)
    @Transactional(Transactional.TxType.SUPPORTS)
    @Operation(summary = "The caller's roles and linked staff or patient record")
    public MeResponse me() {
        Optional<StaffMember> member = staff.findByIdpSubject(user.subject());
        Optional<Patient> patient = patients.findByIdpSubject(user.subject());
        return response(member, patient);
    }

    /**
     * A patient changes the name the group sees, for their own record only (the record is found by the caller's
     * subject, so there is no id to get wrong). Like staff's changes to patient records, it is not an access-log
     * event: the log records reads and exports of patient data, sign-offs and amendments.
     */
    @PUT
    @WriteAccess(WriteAccess.Rule.PATIENT)
    @Path("chosen-name")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change the caller's own chosen name (patients): the name the group sees from the next join")
    public MeResponse chooseName(@NotNull @Valid ChosenNameRequest body) {
        Patient patient = patientService.chooseOwnName(user.subject(), body.chosenName())
                .orElseThrow(() -> new MendException(ProblemCode.ACCESS_DENIED,
                        "Only a patient chooses a name for the group"));
        return response(staff.findByIdpSubject(user.subject()), Optional.of(patient));
    }

    private MeResponse response(Optional<StaffMember> member, Optional<Patient> patient) {
        String displayName = member.map(StaffMember::displayName)
                .or(() -> patient.map(Patient::displayName)).orElse(null);
        return new MeResponse(user.subject(), user.roles().stream().map(Role::realmRole).sorted().toList(),
                displayName, member.map(StaffMember::id).orElse(null), patient.map(Patient::id).orElse(null),
                patient.map(Patient::chosenName).orElse(null));
    }
}
