package care.mend.schedule;

import care.mend.platform.problem.MendException;
import care.mend.platform.problem.ProblemCode;
import care.mend.program.Checks;
import care.mend.program.EnrollmentEnded;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A patient's place in a therapy group from {@code fromDate} through {@code toDate} (both inclusive; open while
 * {@code toDate} is null). Created only by {@link TherapyGroup#admit}, which checks enrollment and capacity. Ended
 * once, never deleted. A membership ended the day before it began ({@code toDate = fromDate - 1}) never took effect;
 * that is how a future membership is called off without losing the record.
 *
 * <p>A membership entered in error (the wrong patient or group) is {@linkplain #voidEnteredInError voided} with a
 * reason instead: it is kept with who voided it, when and why, and is active on no day at all, past days included,
 * so no roster ever had the patient through it. Ending says "belonged until"; voiding says "never belonged". A voided
 * membership is final: it can be neither ended nor voided again.
 */
@Entity
@Table(name = "membership")
public class Membership {

    public static final int REASON_MAX = 500;
    /** An identity-provider subject, as the access log stores it. */
    public static final int VOIDED_BY_MAX = 255;

    @Id
    @Column(name = "id", nullable = false, updatable = false)
    private UUID id;

    @Column(name = "group_id", nullable = false, updatable = false)
    private UUID groupId;

    @Column(name = "patient_id", nullable = false, updatable = false)
    private UUID patientId;

    @Column(name = "from_date", nullable = false, updatable = false)
    private LocalDate fromDate;

    @Column(name = "to_date")
    private LocalDate toDate;

    @Column(name = "end_reason", length = REASON_MAX)
    private String endReason;

    @Column(name = "ended_at")
    private Instant endedAt;

    @Column(name = "voided_at")
    private Instant voidedAt;

    @Column(name = "voided_by", length = VOIDED_BY_MAX)
    private String voidedBy;

    @Column(name = "void_reason", length = REASON_MAX)
    private String voidReason;

    // Two requests ending the same membership: the second fails on the version instead of overwriting the first.
    @Version
    @Column(name = "version", nullable = false)
    private long version;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected Membership() {
        // for JPA
    }

    Membership(UUID groupId, UUID patientId, LocalDate fromDate, Instant createdAt) {
        this.id = UUID.randomUUID();
        this.groupId = Checks.required("groupId", groupId);
        this.patientId = Checks.required("patientId", patientId);
        this.fromDate = Checks.required("fromDate", fromDate);
        this.createdAt = Checks.required("createdAt", createdAt);
    }

    /**
     * Ends the membership after {@code lastDay}.
     *
     * @param lastDay the last day of membership; at the earliest the day before {@code fromDate}
     * @param reason  optional
     */
    public void end(LocalDate lastDay, String reason, Instant now) {
        Checks.required("toDate", lastDay);
        String checkedReason = Checks.optionalText("reason", reason, REASON_MAX);
        Checks.required("now", now);
        refuseIfVoided();
        if (toDate != null) {
            throw MendException.rule(ProblemCode.MEMBERSHIP_ENDED, "Membership " + id + " has already ended");
        }
        if (lastDay.isBefore(fromDate.minusDays(1))) {
            throw MendException.invalidField("toDate", "must not be earlier than the day before fromDate");
        }
        this.toDate = lastDay;
        this.endReason = checkedReason;
        this.endedAt = now;
    }

    /**
     * Ends an open membership because its enrollment ended: the patient can't stay in a group of a program they are
     * no longer enrolled in. The last day is the enrollment's last day, or the day before the membership began if it
     * had not begun yet.
     */
    public void endBecause(EnrollmentEnded ended, Instant now) {
        LocalDate lastDay = ended.effectiveDate().isBefore(fromDate) ? fromDate.minusDays(1) : ended.effectiveDate();
        end(lastDay, "Enrollment " + ended.status().name().toLowerCase(java.util.Locale.ROOT), now);
    }

    /**
     * Voids a membership entered in error, open or ended: from now on it puts the patient in the group on no day.
     *
     * @param reason   why it was an error; required, one line
     * @param voidedBy the identity-provider subject of whoever voided it
     */
    public void voidEnteredInError(String reason, String voidedBy, Instant now) {
        String checkedReason = Checks.text("reason", reason, REASON_MAX);
        String checkedBy = Checks.text("voidedBy", voidedBy, VOIDED_BY_MAX);
        Checks.required("now", now);
        refuseIfVoided();
        this.voidedAt = now;
        this.voidedBy = checkedBy;
        this.voidReason = checkedReason;
    }

    private void refuseIfVoided() {
        if (isVoided()) {
            throw MendException.rule(ProblemCode.MEMBERSHIP_VOIDED, "Membership " + id + " was voided");
        }
    }

    /** Whether the patient belongs to the group on that day; a voided membership never does. */
    public boolean isActiveOn(LocalDate day) {
        return !isVoided() && !day.isBefore(fromDate) && (toDate == null || !day.isAfter(toDate));
    }

    /** Whether the membership counts on that day or any later day. */
    public boolean isActiveOnOrAfter(LocalDate day) {
        return !isVoided() && (toDate == null || !toDate.isBefore(day) && !toDate.isBefore(fromDate));
    }

    /** Not ended and not voided: the membership an enrollment's end still has to end. */
    public boolean isOpen() {
        return toDate == null && !isVoided();
    }

    public boolean isVoided() {
        return voidedAt != null;
    }

    public UUID id() {
        return id;
    }

    public UUID groupId() {
        return groupId;
    }

    public UUID patientId() {
        return patientId;
    }

    public LocalDate fromDate() {
        return fromDate;
    }

    public LocalDate toDate() {
        return toDate;
    }

    public String endReason() {
        return endReason;
    }

    public Instant endedAt() {
        return endedAt;
    }

    public Instant voidedAt() {
        return voidedAt;
    }

    public String voidedBy() {
        return voidedBy;
    }

    public String voidReason() {
        return voidReason;
    }

    public long version() {
        return version;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
