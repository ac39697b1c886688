package care.mend.security;

import care.mend.program.Patient;
import care.mend.program.PatientRepository;
import care.mend.program.StaffMember;
import care.mend.program.StaffMemberRepository;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
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

    @GET
    @Transactional(Transactional.TxType.SUPPORTS)
    @Operation(summary = "The caller's roles and linked staff or patient record")
    public MeResponse me() {
        Optional<StaffMember> member = staff.findByIdpSubject(user.subject());
        Optional<Patient> patient = patients.findByIdpSubject(user.subject());
        String displayName = member.map(StaffMember::displayName)
                .or(() -> patient.map(Patient::displayName)).orElse(null);
        return new MeResponse(user.subject(), user.roles().stream().map(Role::realmRole).sorted().toList(),
                displayName, member.map(StaffMember::id).orElse(null), patient.map(Patient::id).orElse(null));
    }
}
