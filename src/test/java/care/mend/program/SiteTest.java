package care.mend.program;

import static care.mend.MendAssertions.assertInvalidField;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class SiteTest {

    private static final Instant NOW = Instant.parse("2026-03-02T15:00:00Z");
    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");

    @Test
    void aNewSiteIsActiveAndStripped() {
        Site site = new Site("  Mend Demo Clinic ", "Jackson", "TN", CHICAGO, NOW);
        assertThat(site.id()).isNotNull();
        assertThat(site.name()).isEqualTo("Mend Demo Clinic");
        assertThat(site.isActive()).isTrue();
        assertThat(site.createdAt()).isEqualTo(NOW);
    }

    @Test
    void constructorChecksItsInputs() {
        assertInvalidField(() -> new Site(" ", "Jackson", "TN", CHICAGO, NOW), "name");
        assertInvalidField(() -> new Site("Clinic", null, "TN", CHICAGO, NOW), "city");
        assertInvalidField(() -> new Site("Clinic", "Jackson", "Tennessee", CHICAGO, NOW), "state");
        assertInvalidField(() -> new Site("Clinic", "Jackson", "tn", CHICAGO, NOW), "state");
        assertInvalidField(() -> new Site("Clinic", "Jackson", "TN", null, NOW), "timeZone");
        assertInvalidField(() -> new Site("x".repeat(Site.NAME_MAX + 1), "Jackson", "TN", CHICAGO, NOW), "name");
    }

    @Test
    void aSiteIsDeactivatedAndReactivatedNotDeleted() {
        Site site = new Site("Clinic", "Jackson", "TN", CHICAGO, NOW);
        site.deactivate();
        assertThat(site.isActive()).isFalse();
        site.activate();
        assertThat(site.isActive()).isTrue();
    }

    @Test
    void aFailedChangeLeavesTheSiteAsItWas() {
        Site site = new Site("Clinic", "Jackson", "TN", CHICAGO, NOW);
        assertInvalidField(() -> site.describe("New name", "Memphis", "Tennessee"), "state");
        assertThat(site.name()).isEqualTo("Clinic");
        assertThat(site.city()).isEqualTo("Jackson");
    }
}
