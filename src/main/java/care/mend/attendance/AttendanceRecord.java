package care.mend.attendance;

import care.mend.media.MediaModality;
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
 * {@link AttendanceAmendment} (author, time, reason, before and after), checked against the sign-off's rules
 * ({@link AmendmentRules}), after which the current figures (status, minutes, credit, their split by modality and the
 * explanation) are the amendment's. The full history stays readable.
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

    @Column(name = "current_minutes_audio_video", nullable = false)
    private int currentMinutesAudioVideo;

    @Column(name = "current_minutes_audio_only", nullable = false)
    private int currentMinutesAudioOnly;

    @Column(name = "current_minutes_no_media", nullable = false)
    private int currentMinutesNoMedia;

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

    @Column(name = "current_explanation", nullable = false, length = 1500)
    private String currentExplanation;

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
        this.currentMinutesAudioVideo = minutesAudioVideo;
        this.currentMinutesAudioOnly = minutesAudioOnly;
        this.currentMinutesNoMedia = minutesNoMedia;
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
        this.currentExplanation = explanation;
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
     * Corrects the record, if the correction keeps to {@link AmendmentRules} (else nothing changes). The amendment
     * keeps the author, the reason and the figures before and after; the original figures stay as signed.
     *
     * @param creditMinutes the minutes that earn credit in the session's program
     */
    public AttendanceAmendment amend(AttendanceCorrection correction, long creditMinutes, String authorSubject,
                                     Instant now) {
        Objects.requireNonNull(authorSubject, "authorSubject");
        ModalityMinutes split = AmendmentRules.check(correction, this, creditMinutes);
        String override = correction.credited() && correction.minutes() < creditMinutes
                ? correction.creditOverrideReason().strip() : null;
        AttendanceAmendment amendment = new AttendanceAmendment(this, authorSubject, correction.reason().strip(),
                now, currentStatus, correction.status(), currentMinutes, correction.minutes(), currentCredited,
                correction.credited(), currentSplit(), split, override);
        amendments.add(amendment);
        currentStatus = correction.status();
        currentMinutes = correction.minutes();
        currentCredited = correction.credited();
        currentMinutesAudioVideo = split.audioVideo();
        currentMinutesAudioOnly = split.audioOnly();
        currentMinutesNoMedia = split.noMedia();
        currentExplanation = AmendmentRules.explanation(correction, split, scheduledMinutes, creditMinutes);
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

    /** The current audio-video minutes: as signed, or as the latest amendment split the minutes. */
    public int minutesAudioVideo() {
        return currentMinutesAudioVideo;
    }

    /** The current audio-only minutes. */
    public int minutesAudioOnly() {
        return currentMinutesAudioOnly;
    }

    /** The current minutes in the room without media. */
    public int minutesNoMedia() {
        return currentMinutesNoMedia;
    }

    /** The minutes by modality now; they add up to {@link #currentMinutes()} unless amended before V12. */
    public ModalityMinutes currentSplit() {
        return new ModalityMinutes(currentMinutesAudioVideo, currentMinutesAudioOnly, currentMinutesNoMedia);
    }

    /** The minutes by modality as measured and signed; they add up to {@link #originalMinutes()}. */
    public ModalityMinutes originalSplit() {
        return new ModalityMinutes(minutesAudioVideo, minutesAudioOnly, minutesNoMedia);
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

    /** The status in words: as signed, or rewritten from the latest amendment's figures and reason. */
    public String explanation() {
        return currentExplanation;
    }

    /** The explanation as signed. */
    public String originalExplanation() {
        return explanation;
    }

    public List<AttendanceAmendment> amendments() {
        return List.copyOf(amendments);
    }

    public Instant createdAt() {
        return createdAt;
    }
}
