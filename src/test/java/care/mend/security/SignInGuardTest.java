package care.mend.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which requests the sign-in guard may answer while the identity provider is down, and what it answers. */
class SignInGuardTest {

    @Test
    void onlyPageVisitsUnderAppAreGuarded() {
        assertThat(SignInGuard.isPageVisit("GET", "/app/")).isTrue();
        assertThat(SignInGuard.isPageVisit("GET", "/app")).isTrue();
        assertThat(SignInGuard.isPageVisit("HEAD", "/app/patient.html")).isTrue();
        // The API answers 401 problem documents itself; writes are not page visits.
        assertThat(SignInGuard.isPageVisit("GET", "/api/me")).isFalse();
        assertThat(SignInGuard.isPageVisit("POST", "/app/")).isFalse();
        assertThat(SignInGuard.isPageVisit("GET", "/application")).isFalse();
        assertThat(SignInGuard.isPageVisit("GET", "/signaling")).isFalse();
    }

    @Test
    void thePageSaysSignInIsStartingAndRefreshesItself() {
        assertThat(SignInGuard.PAGE).contains("Sign-in is starting, try again in a moment")
                .contains("http-equiv=\"refresh\" content=\"" + SignInGuard.RETRY_AFTER_SECONDS + "\"")
                .contains("<html lang=\"en\">");
    }
}
