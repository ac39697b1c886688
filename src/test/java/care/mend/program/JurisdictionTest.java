package care.mend.program;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class JurisdictionTest {

    @ParameterizedTest
    @ValueSource(strings = {"US-IL", "US-DC", "US-PR", "US-GU", "US-VI", "US-AS", "US-MP", "US-WY", "FR", "CA", "MX",
        "GB", "FM"})
    void acceptsUsStatesDcTerritoriesAndCountriesOutsideTheUs(String code) {
        assertThat(Jurisdiction.of(code).code()).isEqualTo(code);
    }

    @ParameterizedTest
    @ValueSource(strings = {"US-XX", "US-AA", "US-AE", "US-il", "IL-US", "US", "PR", "GU", "VI", "AS", "MP", "UM",
        "XX", "ZZ", "fr", "FRA", "", " FR", "US-", "US-ILL", "UK", "EU"})
    void refusesEverythingElse(String code) {
        assertThatThrownBy(() -> Jurisdiction.of(code)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fiftyStatesDcAndTheTerritories() {
        assertThat(Jurisdiction.usJurisdictions()).hasSize(50 + 1 + 6).containsEntry("IL", "Illinois")
                .containsEntry("DC", "District of Columbia").containsEntry("PR", "Puerto Rico");
        assertThat(Jurisdiction.countriesOutsideUs()).hasSize(249 - 1 - 6).contains("FR", "CA")
                .doesNotContain("US", "PR");
    }

    @Test
    void namesAndParts() {
        assertThat(Jurisdiction.of("US-IL").inUs()).isTrue();
        assertThat(Jurisdiction.of("US-IL").usps()).isEqualTo("IL");
        assertThat(Jurisdiction.of("US-IL").displayName()).isEqualTo("Illinois");
        assertThat(Jurisdiction.of("FR").inUs()).isFalse();
        assertThat(Jurisdiction.of("FR").usps()).isNull();
        assertThat(Jurisdiction.of("FR").displayName()).isEqualTo("France");
        assertThat(Jurisdiction.of("US-IL").toString()).doesNotContain("IL");
        assertThat(Jurisdiction.checkedUsState("DC")).isEqualTo("DC");
        assertThatThrownBy(() -> Jurisdiction.checkedUsState("FR")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void licensureCoversAStateOneFacilitatorHolds() {
        List<Set<String>> team = List.of(Set.of("IL", "IN"), Set.of("WI"));
        assertThat(Licensure.outsideLicensure(Jurisdiction.of("US-IL"), team)).isFalse();
        assertThat(Licensure.outsideLicensure(Jurisdiction.of("US-WI"), team)).isFalse();
        assertThat(Licensure.outsideLicensure(Jurisdiction.of("US-IA"), team)).isTrue();
    }

    @Test
    void outsideTheUsIsOutsideLicensureAndNoStatementIsNotFlagged() {
        List<Set<String>> team = List.of(Set.of("IL"));
        assertThat(Licensure.outsideLicensure(Jurisdiction.of("CA"), team)).isTrue();
        assertThat(Licensure.outsideLicensure(null, team)).isFalse();
    }

    @Test
    void facilitatorsWithoutLicensedStatesCoverNothing() {
        assertThat(Licensure.outsideLicensure(Jurisdiction.of("US-IL"), List.of(Set.of(), Set.of()))).isTrue();
        assertThat(Licensure.outsideLicensure(Jurisdiction.of("US-IL"), List.of())).isTrue();
    }

    @Test
    void aStaffMembersLicensedStatesAreUspsCodesOfUsJurisdictions() {
        StaffMember staff = new StaffMember("sub-licensure", "Dana", java.time.Instant.EPOCH);
        staff.licenseIn(Set.of("IL", "PR"));
        assertThat(staff.licensedStates()).containsExactlyInAnyOrder("IL", "PR");
        assertThatThrownBy(() -> staff.licenseIn(Set.of("IL", "FR")))
                .isInstanceOf(care.mend.platform.problem.MendException.class);
        assertThat(staff.licensedStates()).containsExactlyInAnyOrder("IL", "PR");
        staff.licenseIn(Set.of());
        assertThat(staff.licensedStates()).isEmpty();
    }
}
