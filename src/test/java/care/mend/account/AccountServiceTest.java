package care.mend.account;

import static care.mend.MendAssertions.assertInvalidField;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import care.mend.platform.problem.MendException;
import care.mend.platform.problem.ProblemCode;
import care.mend.program.EmergencyContact;
import care.mend.program.Login;
import care.mend.program.LoginProblem;
import care.mend.program.LoginState;
import care.mend.program.Patient;
import care.mend.security.AuditAction;
import care.mend.security.LoginDisabled;
import care.mend.security.Role;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.util.TypeLiteral;
import java.lang.annotation.Annotation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

/**
 * The order and the outcomes of making, inviting, disabling and enabling a login, with an identity provider in memory
 * and the records' transactions in memory: what each failure of the provider leaves on the record, that the record is
 * never lost, and what the access log is told. {@code AccountsIT} runs the same against a real Keycloak and mail.
 */
class AccountServiceTest {

    private static final Instant NOW = Instant.parse("2026-12-02T15:00:00Z");
    private static final EmergencyContact CONTACT = new EmergencyContact("C.", "555 0100");

    private final FakeIdentityProvisioning idp = new FakeIdentityProvisioning();
    private final InMemoryRecords records = new InMemoryRecords();
    private final List<LoginDisabled> fired = new ArrayList<>();
    private final AccountService accounts = new AccountService(idp, records, new RecordingEvent(fired));

    @Test
    void aNewPatientGetsAUserWithThePatientRoleAndTheInvitationAndIsLinked() {
        Patient patient = records.add(Patient.toInvite("Ana Alvarez (test)", null, CONTACT, "acct.ana@example.org",
                NOW));
        assertThat(patient.login().state()).isEqualTo(LoginState.NONE);
        assertThat(patient.idpSubject()).isNull();

        Patient invited = accounts.invite(patient.id(), true);

        assertThat(idp.calls).containsExactly("ensure PATIENT", "invite");
        FakeIdentityProvisioning.User user = idp.user("acct.ana@example.org");
        assertThat(user.roles()).containsExactly(Role.PATIENT);
        assertThat(user.firstName()).as("the identity provider is told the name the group sees, not the record's")
                .isEqualTo("Ana");
        assertThat(invited.idpSubject()).isEqualTo(user.subject());
        assertThat(invited.login()).isEqualTo(Login.invited());
        assertThat(records.audited).containsExactly(AuditAction.CREATE_LOGIN);
    }

    @Test
    void aUserWhoHasAPasswordAlreadyIsLinkedByTheAddressWithoutAnInvitation() {
        String subject = idp.existing("acct.bo@example.org", false);
        Patient patient = records.add(Patient.toInvite("Bo (test)", null, CONTACT, "acct.bo@example.org", NOW));

        Patient linked = accounts.invite(patient.id(), true);

        assertThat(idp.calls).containsExactly("ensure PATIENT");
        assertThat(linked.idpSubject()).isEqualTo(subject);
        assertThat(linked.login()).isEqualTo(Login.active());
        assertThat(idp.user("acct.bo@example.org").roles()).containsExactly(Role.PATIENT);
    }

    @Test
    void anUnreachableIdentityProviderLeavesTheRecordFailedToRetryAndTheRetryCompletesIt() {
        Patient patient = records.add(Patient.toInvite("Cy (test)", null, CONTACT, "acct.cy@example.org", NOW));
        idp.failEnsure = LoginProblem.IDP_UNAVAILABLE;

        Patient failed = accounts.invite(patient.id(), true);
        assertThat(failed.login()).isEqualTo(Login.failed(LoginProblem.IDP_UNAVAILABLE));
        assertThat(failed.idpSubject()).isNull();
        assertThat(records.stored(patient.id())).as("the record is kept").isNotNull();

        idp.failEnsure = null;
        Patient retried = accounts.invite(patient.id(), false);
        assertThat(retried.login()).isEqualTo(Login.invited());
        assertThat(retried.idpSubject()).isEqualTo(idp.user("acct.cy@example.org").subject());
        assertThat(records.audited).containsExactly(AuditAction.CREATE_LOGIN, AuditAction.INVITE_LOGIN);
    }

    @Test
    void aMailThatDidNotGoKeepsTheUserLinkedAndSaysSoAndTheRetrySendsItWithoutASecondUser() {
        Patient patient = records.add(Patient.toInvite("Di (test)", null, CONTACT, "acct.di@example.org", NOW));
        idp.failInvitation = LoginProblem.EMAIL_NOT_SENT;

        Patient notSent = accounts.invite(patient.id(), true);
        String subject = idp.user("acct.di@example.org").subject();
        assertThat(notSent.login()).isEqualTo(Login.failed(LoginProblem.EMAIL_NOT_SENT));
        assertThat(notSent.idpSubject()).as("the user exists: linked, so nobody copies its id").isEqualTo(subject);

        idp.failInvitation = null;
        Patient sent = accounts.invite(patient.id(), false);
        assertThat(sent.login()).isEqualTo(Login.invited());
        assertThat(sent.idpSubject()).isEqualTo(subject);
        assertThat(idp.byEmail).hasSize(1);
    }

    @Test
    void anAddressWhoseUserIsAnotherPatientsLoginIsRefusedAsTaken() {
        Patient first = records.add(Patient.toInvite("Ed (test)", null, CONTACT, "acct.shared@example.org", NOW));
        accounts.invite(first.id(), true);
        Patient second = records.add(Patient.toInvite("Flo (test)", null, CONTACT, "acct.shared@example.org", NOW));

        Patient taken = accounts.invite(second.id(), true);

        assertThat(taken.login()).isEqualTo(Login.failed(LoginProblem.EMAIL_TAKEN));
        assertThat(taken.idpSubject()).isNull();
        assertThat(records.stored(first.id()).login()).isEqualTo(Login.invited());
    }

    @Test
    void anInvitationNeedsAnAddressAndAnEnabledLogin() {
        Patient linkedByHand = records.add(new Patient("subject-by-hand", "Gus (test)", CONTACT, NOW));
        assertThatThrownBy(() -> accounts.invite(linkedByHand.id(), false)).isInstanceOfSatisfying(
                MendException.class, e -> assertThat(e.code()).isEqualTo(ProblemCode.LOGIN_EMAIL_REQUIRED));
        assertThat(idp.calls).isEmpty();
        assertInvalidField(() -> Patient.toInvite("Hal (test)", null, CONTACT, " ", NOW), "email");
    }

    @Test
    void disablingTellsTheIdentityProviderRecordsItAndClosesThePersonsSockets() {
        Patient patient = records.add(Patient.toInvite("Ivy (test)", null, CONTACT, "acct.ivy@example.org", NOW));
        String subject = accounts.invite(patient.id(), true).idpSubject();

        Patient disabled = accounts.disable(patient.id());

        assertThat(idp.calls).endsWith("disable");
        assertThat(idp.user("acct.ivy@example.org").enabled()).isFalse();
        assertThat(disabled.login()).isEqualTo(Login.disabled(null));
        assertThat(fired).containsExactly(new LoginDisabled(subject));
        assertThatThrownBy(() -> accounts.invite(patient.id(), false)).isInstanceOfSatisfying(MendException.class,
                e -> assertThat(e.code()).isEqualTo(ProblemCode.LOGIN_IS_DISABLED));

        Patient enabled = accounts.enable(patient.id());
        assertThat(idp.user("acct.ivy@example.org").enabled()).isTrue();
        assertThat(enabled.login()).isEqualTo(Login.active());
        assertThat(records.audited).containsExactly(AuditAction.CREATE_LOGIN, AuditAction.DISABLE_LOGIN,
                AuditAction.ENABLE_LOGIN);
    }

    @Test
    void aDisableTheIdentityProviderDidNotHearIsStillADisableInMendAndSaysWhy() {
        Patient patient = records.add(new Patient("subject-jo", "Jo (test)", CONTACT, NOW));
        idp.failEnable = LoginProblem.IDP_UNAVAILABLE;

        Patient disabled = accounts.disable(patient.id());

        assertThat(disabled.login()).isEqualTo(Login.disabled(LoginProblem.IDP_UNAVAILABLE));
        assertThat(fired).containsExactly(new LoginDisabled("subject-jo"));
        Patient stillDisabled = accounts.enable(patient.id());
        assertThat(stillDisabled.login().state()).isEqualTo(LoginState.DISABLED);
    }

    @Test
    void aRecordWithoutALoginHasNothingToDisable() {
        Patient patient = records.add(Patient.toInvite("Kai (test)", null, CONTACT, "acct.kai@example.org", NOW));
        assertThatThrownBy(() -> accounts.disable(patient.id())).isInstanceOfSatisfying(MendException.class,
                e -> assertThat(e.code()).isEqualTo(ProblemCode.NO_LOGIN));
        assertThat(idp.calls).isEmpty();
        assertThat(fired).isEmpty();
    }

    /** The records' transactions in memory, with the access-log actions they would write. */
    static final class InMemoryRecords extends LoginRecords {
        private final Map<UUID, Patient> patients = new HashMap<>();
        final List<AuditAction> audited = new ArrayList<>();

        Patient add(Patient patient) {
            patients.put(patient.id(), patient);
            return patient;
        }

        Patient stored(UUID id) {
            return patients.get(id);
        }

        @Override
        public Invitee patientToInvite(UUID patientId) {
            Patient patient = patients.get(patientId);
            if (patient.email() == null) {
                throw MendException.rule(ProblemCode.LOGIN_EMAIL_REQUIRED, "no address");
            }
            if (patient.login().isDisabled()) {
                throw MendException.rule(ProblemCode.LOGIN_IS_DISABLED, "disabled");
            }
            return new Invitee(patient.email(), patient.chosenName(), patient.idpSubject());
        }

        @Override
        public String patientSubject(UUID patientId) {
            String subject = patients.get(patientId).idpSubject();
            if (subject == null) {
                throw MendException.rule(ProblemCode.NO_LOGIN, "none");
            }
            return subject;
        }

        @Override
        public boolean linkedElsewhere(UUID patientId, String subject) {
            return patients.values().stream().anyMatch(p -> subject.equals(p.idpSubject())
                    && !p.id().equals(patientId));
        }

        @Override
        public Patient record(UUID patientId, String subject, Login login, AuditAction action) {
            Patient patient = patients.get(patientId);
            if (subject != null) {
                patient.linkLogin(subject, login);
            } else {
                patient.recordLogin(login);
            }
            audited.add(action);
            return patient;
        }
    }

    private record RecordingEvent(List<LoginDisabled> fired) implements Event<LoginDisabled> {
        @Override
        public void fire(LoginDisabled event) {
            fired.add(event);
        }

        @Override
        public <U extends LoginDisabled> CompletionStage<U> fireAsync(U event) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends LoginDisabled> CompletionStage<U> fireAsync(U event, NotificationOptions options) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Event<LoginDisabled> select(Annotation... qualifiers) {
            return this;
        }

        @Override
        public <U extends LoginDisabled> Event<U> select(Class<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends LoginDisabled> Event<U> select(TypeLiteral<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }
    }
}
