package care.mend.checkin;

import care.mend.platform.problem.MendException;
import care.mend.program.CheckInPlan;
import care.mend.program.Checks;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/**
 * What one patient said when checking in for one session. Made once, never edited (a second check-in for the same
 * session is refused by {@link CheckIns}, backed by a unique constraint; on PostgreSQL a trigger refuses any change).
 * It keeps the thresholds its program flagged by at that moment, so its flags never change afterwards.
 *
 * <p>The rules, checked here: mood 0–10, required; craving 0–10, required where the program asks it and refused where
 * it does not; a medication answer, required; the note optional, one line, at most {@value #NOTE_MAX} characters.
 */
@Entity
@Immutable
@Table(name = "check_in")
public class CheckIn {

    public static final int NOTE_MAX = 280;

    @Id
    private UUID id;

    @Column(name = "session_id", nullable = false)
    private UUID sessionId;

    @Column(name = "patient_id", nullable = false)
    private UUID patientId;

    @Column(name = "mood", nullable = false)
    private int mood;

    @Column(name = "craving")
    private Integer craving;

    @Enumerated(EnumType.STRING)
    @Column(name = "medication", nullable = false, length = 16)
    private MedicationAnswer medication;

    @Column(name = "note", length = NOTE_MAX)
    private String note;

    @Column(name = "checked_in_at", nullable = false)
    private Instant checkedInAt;

    @Column(name = "low_mood_at_most", nullable = false)
    private int lowMoodAtMost;

    @Column(name = "high_craving_at_least", nullable = false)
    private int highCravingAtLeast;

    protected CheckIn() {
        // for JPA
    }

    /** A check-in by the rules above, under {@code plan}, the session's program's at {@code checkedInAt}. */
    public CheckIn(UUID sessionId, UUID patientId, Answers answers, CheckInPlan plan, Instant checkedInAt) {
        Checks.required("plan", plan);
        Checks.required("answers", answers);
        this.id = UUID.randomUUID();
        this.sessionId = Checks.required("sessionId", sessionId);
        this.patientId = Checks.required("patientId", patientId);
        this.mood = Checks.range("mood", Checks.required("mood", answers.mood()), 0, CheckInPlan.SCALE_MAX);
        if (plan.asksCraving()) {
            this.craving = Checks.range("craving", Checks.required("craving", answers.craving()), 0,
                    CheckInPlan.SCALE_MAX);
        } else if (answers.craving() != null) {
            throw MendException.invalidField("craving", "is not asked by this program");
        }
        this.medication = Checks.required("medication", answers.medication());
        this.note = note(answers.note());
        this.checkedInAt = Checks.required("checkedInAt", checkedInAt);
        this.lowMoodAtMost = plan.lowMoodAtMost();
        this.highCravingAtLeast = plan.highCravingAtLeast();
    }

    /** The patient's answers, before the rules are applied. */
    public record Answers(Integer mood, Integer craving, MedicationAnswer medication, String note) {
    }

    private static String note(String note) {
        String checked = Checks.optionalText("note", note, NOTE_MAX);
        if (checked != null && checked.codePoints().anyMatch(c -> Character.isISOControl(c) || c == 0x2028
                || c == 0x2029)) {
            throw MendException.invalidField("note", "must be one line of text");
        }
        return checked;
    }

    /** At or below the program's low-mood threshold when the patient checked in. */
    public boolean lowMood() {
        return mood <= lowMoodAtMost;
    }

    /** At or above the program's high-craving threshold when the patient checked in (never without a craving). */
    public boolean highCraving() {
        return craving != null && craving >= highCravingAtLeast;
    }

    public UUID id() {
        return id;
    }

    public UUID sessionId() {
        return sessionId;
    }

    public UUID patientId() {
        return patientId;
    }

    public int mood() {
        return mood;
    }

    public Integer craving() {
        return craving;
    }

    public MedicationAnswer medication() {
        return medication;
    }

    public String note() {
        return note;
    }

    public Instant checkedInAt() {
        return checkedInAt;
    }

    public int lowMoodAtMost() {
        return lowMoodAtMost;
    }

    public int highCravingAtLeast() {
        return highCravingAtLeast;
    }

    /** The answers are health information: they stay out of logs. */
    @Override
    public String toString() {
        return "CheckIn[" + checkedInAt + "]";
    }
}
