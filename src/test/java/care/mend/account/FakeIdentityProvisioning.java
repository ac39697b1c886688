package care.mend.account;

import care.mend.program.LoginProblem;
import care.mend.security.Role;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** An identity provider in memory: users by address, the calls made in order, and failures on demand. */
final class FakeIdentityProvisioning implements IdentityProvisioning {

    record User(String subject, String email, String firstName, List<Role> roles, boolean needsSetUp,
                boolean enabled) {
    }

    final Map<String, User> byEmail = new HashMap<>();
    final List<String> calls = new ArrayList<>();
    LoginProblem failEnsure;
    LoginProblem failInvitation;
    LoginProblem failEnable;

    /** A user who exists already (set up when {@code needsSetUp} is false). */
    String existing(String email, boolean needsSetUp) {
        String subject = UUID.randomUUID().toString();
        byEmail.put(email, new User(subject, email, null, new ArrayList<>(), needsSetUp, true));
        return subject;
    }

    @Override
    public ProvisionedUser ensureUser(String email, String firstName, Role role) {
        calls.add("ensure " + role);
        if (failEnsure != null) {
            throw new ProvisioningException(failEnsure, "fake");
        }
        User user = byEmail.get(email);
        boolean created = user == null;
        if (created) {
            user = new User(UUID.randomUUID().toString(), email, firstName, new ArrayList<>(), true, true);
            byEmail.put(email, user);
        }
        user.roles().add(role);
        return new ProvisionedUser(user.subject(), created, user.needsSetUp());
    }

    @Override
    public void sendInvitation(String subject) {
        calls.add("invite");
        if (failInvitation != null) {
            throw new ProvisioningException(failInvitation, "fake");
        }
    }

    @Override
    public void setEnabled(String subject, boolean enabled) {
        calls.add(enabled ? "enable" : "disable");
        if (failEnable != null) {
            throw new ProvisioningException(failEnable, "fake");
        }
        byEmail.replaceAll((email, u) -> u.subject().equals(subject)
                ? new User(u.subject(), u.email(), u.firstName(), u.roles(), u.needsSetUp(), enabled) : u);
    }

    User user(String email) {
        return byEmail.get(email);
    }
}
