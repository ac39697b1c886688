package care.mend.attendance;

import care.mend.media.MediaModality;
import care.mend.platform.problem.MendException;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A patient's attendance at a session as the facilitator signed it. Lifecycle: created at sign-off from the
 * calculated {@link SessionAttendance}; its original figures never change; a correction is an
 * {@link AttendanceAmendment} (author, time, reason, before and after), after which the current figures are the
 * amendment's. The full history stays readable.
 */
@Entity
@Table(name = "attendance_record")
public class AttendanceRecord {

    public static final int REASON_MAX = 500;

    /** How the explanation of a patient excused at sign-off begins; the facilitator's reason follows. */
    static final String EXCUSED_BECAUSE = "Excused by the facilitator: ";

    @Id
    private UUID id;

    @Column(name = "session_id", nullable = false, updatable = false)
    private UUID sessionId;

    @Column(name = "patient_id", nullable = false, updatable = false)
    private UUID patientId;

    @Enumerated(EnumType.STRING)
    @Column(name = "original_status", nullable = false, updatable = false)
    private AttendanceStatus originalStatus;

    @Column(name = "original_minutes", nullable = false, updatable = false)
    private int originalMinutes;

    @Column(name = "original_credited", nullable = false, updatable = false)
    private boolean originalCredited;

    @Enumerated(EnumType.STRING)
    @Column(name = "current_status", nullable = false)
    private AttendanceStatus currentStatus;

    @Column(name = "current_minutes", nullable = false)
    private int currentMinutes;

    @Column(name = "current_credited", nullable = false)
    private boolean currentCredited;

    @Column(name = "minutes_audio_video", nullable = false, updatable = false)
    private int minutesAudioVideo;

    @Column(name = "minutes_audio_only", nullable = false, updatable = false)
    private int minutesAudioOnly;

    @Column(name = "minutes_no_media", nullable = false, updatable = false)
    private int minutesNoMedia;

    @Column(name = "gap_minutes", nullable = false, updatable = false)
    private int gapMinutes;

    /** The flags' figures as measured at sign-off (see {@link AttendanceFlags}); null when never admitted. */
    @Column(name = "late_minutes", updatable = false)
    private Integer lateMinutes;

    @Column(name = "late_flagged", nullable = false, updatable = false)
    private boolean lateFlagged;

    @Column(name = "left_early_minutes", updatable = false)
    private Integer leftEarlyMinutes;

    @Column(name = "left_early_flagged", nullable = false, updatable = false)
    private boolean leftEarlyFlagged;

    @Column(name = "gap_count", nullable = false, updatable = false)
    private int gapCount;

    @Column(name = "first_admitted", updatable = false)
    private Instant firstAdmitted;

    @Column(name = "last_left", updatable = false)
    private Instant lastLeft;

    @Column(name = "scheduled_minutes", nullable = false, updatable = false)
    private int scheduledMinutes;

    @Column(name = "explanation", nullable = false, updatable = false, length = 500)
    private String explanation;

    /** Where the patient said they were (the latest statement at sign-off); null when they were not asked. */
    @Column(name = "attested_location", updatable = false, length = LocationAttestation.LOCATION_MAX)
    private String attestedLocation;

    @OneToMany(mappedBy = "record", cascade = CascadeType.PERSIST, fetch = FetchType.EAGER)
    @OrderBy("amendedAt")
    private List<AttendanceAmendment> amendments = new ArrayList<>();

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected AttendanceRecord() {
        // for JPA
    }

    public AttendanceRecord(UUID sessionId, UUID patientId, SessionAttendance attendance, Instant createdAt) {
        this(sessionId, patientId, attendance, null, createdAt);
    }

    public AttendanceRecord(UUID sessionId, UUID patientId, SessionAttendance attendance, String attestedLocation,
                            Instant createdAt) {
        if (attendance.live()) {
            throw new IllegalArgumentException("only a final line is signed: the session has not ended");
        }
        this.id = UUID.randomUUID();
        this.sessionId = Objects.requireNonNull(sessionId, "sessionId");
        this.patientId = Objects.requireNonNull(patientId, "patientId");
        this.originalStatus = attendance.status();
        this.originalMinutes = Math.toIntExact(attendance.minutesPresent());
        this.originalCredited = attendance.credited();
        this.currentStatus = originalStatus;
        this.currentMinutes = originalMinutes;
        this.currentCredited = originalCredited;
        this.minutesAudioVideo = Math.toIntExact(attendance.minutesByModality().get(MediaModality.AUDIO_VIDEO));
        this.minutesAudioOnly = Math.toIntExact(attendance.minutesByModality().get(MediaModality.AUDIO_ONLY));
        this.minutesNoMedia = Math.toIntExact(attendance.minutesByModality().get(MediaModality.NONE));
        AttendanceFlags flags = attendance.flags();
        this.gapMinutes = flags.gapMinutes();
        this.gapCount = flags.gapCount();
        this.lateMinutes = flags.lateMinutes();
        this.lateFlagged = flags.late();
        this.leftEarlyMinutes = flags.leftEarlyMinutes();
        this.leftEarlyFlagged = flags.leftEarly();
        this.firstAdmitted = attendance.firstAdmitted();
        this.lastLeft = attendance.lastLeft();
        this.scheduledMinutes = Math.toIntExact(attendance.scheduledMinutes());
        this.explanation = attendance.explanation().length() <= 500 ? attendance.explanation()
                : attendance.explanation().substring(0, 500);
        this.attestedLocation = attestedLocation == null ? null : AttestedLocation.checked(attestedLocation);
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    }

    public String attestedLocation() {
        return attestedLocation;
    }

    /** The facilitator's reason in an explanation written at sign-off for an excused patient; null if none. */
    static String excuseReasonIn(String explanation) {
        return explanation != null && explanation.startsWith(EXCUSED_BECAUSE)
                ? explanation.substring(EXCUSED_BECAUSE.length()) : null;
    }

    /**
     * Corrects the record. The reason is required and kept with the author and the figures before and after; the
     * original figures stay as signed.
     */
    public AttendanceAmendment amend(AttendanceStatus status, int minutes, boolean credited, String authorSubject,
                                     String reason, Instant now) {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(authorSubject, "authorSubject");
        if (reason == null || reason.isBlank()) {
            throw MendException.invalidField("reason", "must not be blank");
        }
        if (reason.strip().length() > REASON_MAX) {
            throw MendException.invalidField("reason", "must be at most " + REASON_MAX + " characters");
        }
        if (minutes < 0 || minutes > scheduledMinutes * 2) {
            throw MendException.invalidField("minutes", "must be between 0 and twice the scheduled minutes");
        }
        if (status == AttendanceStatus.NOT_HELD) {
            throw MendException.invalidField("status", "a held session's record can't be not held");
        }
        if (credited && (status == AttendanceStatus.ABSENT || status == AttendanceStatus.EXCUSED)) {
            throw MendException.invalidField("credited", "an absent or excused session earns no credit");
        }
        AttendanceAmendment amendment = new AttendanceAmendment(this, authorSubject, reason.strip(), now,
                currentStatus, status, currentMinutes, minutes, currentCredited, credited);
        amendments.add(amendment);
        currentStatus = status;
        currentMinutes = minutes;
        currentCredited = credited;
        return amendment;
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

    public AttendanceStatus originalStatus() {
        return originalStatus;
    }

    public int originalMinutes() {
        return originalMinutes;
    }

    public boolean originalCredited() {
        return originalCredited;
    }

    public AttendanceStatus currentStatus() {
        return currentStatus;
    }

    public int currentMinutes() {
        return currentMinutes;
    }

    public boolean currentCredited() {
        return currentCredited;
    }

    public int minutesAudioVideo() {
        return minutesAudioVideo;
    }

    public int minutesAudioOnly() {
        return minutesAudioOnly;
    }

    public int minutesNoMedia() {
        return minutesNoMedia;
    }

    public int gapMinutes() {
        return gapMinutes;
    }

    /** The flags as signed. */
    public AttendanceFlags flags() {
        return AttendanceFlags.signed(lateMinutes, lateFlagged, leftEarlyMinutes, leftEarlyFlagged, gapCount,
                gapMinutes, minutesAudioVideo, minutesAudioOnly, minutesNoMedia);
    }

    public Instant firstAdmitted() {
        return firstAdmitted;
    }

    public Instant lastLeft() {
        return lastLeft;
    }

    public int scheduledMinutes() {
        return scheduledMinutes;
    }

    public String explanation() {
        return explanation;
    }

    public List<AttendanceAmendment> amendments() {
        return List.copyOf(amendments);
    }

    public Instant createdAt() {
        return createdAt;
    }
}
