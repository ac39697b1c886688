package care.mend.consent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The rule of what a patient still has to accept before joining, on plain objects. */
class ConsentRuleTest {

    private static final Instant T0 = Instant.parse("2026-12-02T15:00:00Z");
    private final UUID program = UUID.randomUUID();
    private final UUID patient = UUID.randomUUID();
    private final List<ConsentText> texts = new ArrayList<>();
    private final List<ConsentDecision> decisions = new ArrayList<>();

    private ConsentText publish(ConsentKind kind, int version) {
        ConsentText text = new ConsentText(program, kind, version, "Title", "Body v" + version, "sub-admin", T0);
        texts.add(text);
        return text;
    }

    private void decide(ConsentText text, ConsentChoice choice) {
        int sequence = (int) decisions.stream().filter(d -> d.kind() == text.kind()).count() + 1;
        // The same instant for every decision: the order is the number's, not the clock's.
        decisions.add(new ConsentDecision(patient, text, sequence, choice, T0, "sub-patient"));
    }

    private ConsentRule.Verdict verdict() {
        return ConsentRule.judge(program, texts, decisions);
    }

    @Test
    void aProgramWithoutTextsHasNothingToAcceptAndSoNobodyJoins() {
        ConsentRule.Verdict verdict = verdict();
        assertThat(verdict.satisfied()).isFalse();
        assertThat(verdict.kinds()).extracting(ConsentRule.KindVerdict::state)
                .containsExactly(ConsentRule.State.NOT_PUBLISHED, ConsentRule.State.NOT_PUBLISHED);
        assertThat(ConsentRule.State.NOT_PUBLISHED.acceptable()).isFalse();
    }

    @Test
    void oneKindPublishedIsNotEnough() {
        ConsentText telehealth = publish(ConsentKind.TELEHEALTH_CONSENT, 1);
        decide(telehealth, ConsentChoice.ACCEPTED);
        ConsentRule.Verdict verdict = verdict();
        assertThat(verdict.satisfied()).isFalse();
        assertThat(verdict.of(ConsentKind.TELEHEALTH_CONSENT).state()).isEqualTo(ConsentRule.State.ACCEPTED);
        assertThat(verdict.of(ConsentKind.GROUP_AGREEMENT).state()).isEqualTo(ConsentRule.State.NOT_PUBLISHED);
        assertThat(verdict.missing()).extracting(ConsentRule.KindVerdict::kind)
                .containsExactly(ConsentKind.GROUP_AGREEMENT);
    }

    @Test
    void everyKindAcceptedInItsCurrentVersionLetsThePatientJoin() {
        ConsentText telehealth = publish(ConsentKind.TELEHEALTH_CONSENT, 1);
        ConsentText agreement = publish(ConsentKind.GROUP_AGREEMENT, 1);
        assertThat(verdict().of(ConsentKind.GROUP_AGREEMENT).state()).isEqualTo(ConsentRule.State.NOT_ACCEPTED);
        decide(telehealth, ConsentChoice.ACCEPTED);
        decide(agreement, ConsentChoice.ACCEPTED);
        assertThat(verdict().satisfied()).isTrue();
        assertThat(verdict().of(ConsentKind.GROUP_AGREEMENT).acceptedVersion()).isEqualTo(1);
        assertThat(verdict().of(ConsentKind.GROUP_AGREEMENT).decidedAt()).isEqualTo(T0);
    }

    @Test
    void aNewVersionAsksAgainAndTheOldAcceptanceStaysOnRecord() {
        ConsentText telehealth = publish(ConsentKind.TELEHEALTH_CONSENT, 1);
        ConsentText agreement1 = publish(ConsentKind.GROUP_AGREEMENT, 1);
        decide(telehealth, ConsentChoice.ACCEPTED);
        decide(agreement1, ConsentChoice.ACCEPTED);
        ConsentText agreement2 = publish(ConsentKind.GROUP_AGREEMENT, 2);

        ConsentRule.KindVerdict agreement = verdict().of(ConsentKind.GROUP_AGREEMENT);
        assertThat(verdict().satisfied()).isFalse();
        assertThat(agreement.state()).isEqualTo(ConsentRule.State.NEW_VERSION);
        assertThat(agreement.current()).isSameAs(agreement2);
        assertThat(agreement.acceptedVersion()).isEqualTo(1);

        decide(agreement2, ConsentChoice.ACCEPTED);
        assertThat(verdict().satisfied()).isTrue();
    }

    @Test
    void aWithdrawalBarsTheJoinUntilTheNextAcceptanceEvenAtTheSameInstant() {
        ConsentText telehealth = publish(ConsentKind.TELEHEALTH_CONSENT, 1);
        ConsentText agreement = publish(ConsentKind.GROUP_AGREEMENT, 1);
        decide(telehealth, ConsentChoice.ACCEPTED);
        decide(agreement, ConsentChoice.ACCEPTED);
        decide(telehealth, ConsentChoice.WITHDRAWN);

        assertThat(verdict().satisfied()).isFalse();
        assertThat(verdict().of(ConsentKind.TELEHEALTH_CONSENT).state()).isEqualTo(ConsentRule.State.WITHDRAWN);
        assertThat(verdict().of(ConsentKind.TELEHEALTH_CONSENT).acceptedVersion()).isNull();
        assertThat(ConsentRule.State.WITHDRAWN.acceptable()).isTrue();

        decide(telehealth, ConsentChoice.ACCEPTED);
        assertThat(verdict().satisfied()).isTrue();
    }

    @Test
    void anotherProgramsTextsAndDecisionsDoNotCount() {
        UUID other = UUID.randomUUID();
        ConsentText elsewhere1 = new ConsentText(other, ConsentKind.TELEHEALTH_CONSENT, 1, "T", "B", "sub-admin", T0);
        ConsentText elsewhere2 = new ConsentText(other, ConsentKind.GROUP_AGREEMENT, 1, "T", "B", "sub-admin", T0);
        texts.add(elsewhere1);
        texts.add(elsewhere2);
        decisions.add(new ConsentDecision(patient, elsewhere1, 1, ConsentChoice.ACCEPTED, T0, "sub-patient"));
        decisions.add(new ConsentDecision(patient, elsewhere2, 1, ConsentChoice.ACCEPTED, T0, "sub-patient"));
        assertThat(verdict().satisfied()).isFalse();
        assertThat(ConsentRule.judge(other, texts, decisions).satisfied()).isTrue();
    }
}
