package care.mend.attendance;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/**
 * One correction of a signed attendance record: who, when, why, and the figures before and after (the minutes by
 * modality too, except on amendments made before V12, which stated none), and why credit was given below the
 * program's credit minutes when it was.
 */
@Entity
@Immutable
@Table(name = "attendance_amendment")
public class AttendanceAmendment {

    @Id
    private UUID id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "record_id", nullable = false, updatable = false)
    private AttendanceRecord record;

    @Column(name = "author_subject", nullable = false)
    private String authorSubject;

    @Column(name = "reason", nullable = false, length = 500)
    private String reason;

    @Column(name = "amended_at", nullable = false)
    private Instant amendedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "before_status", nullable = false)
    private AttendanceStatus beforeStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "after_status", nullable = false)
    private AttendanceStatus afterStatus;

    @Column(name = "before_minutes", nullable = false)
    private int beforeMinutes;

    @Column(name = "after_minutes", nullable = false)
    private int afterMinutes;

    @Column(name = "before_credited", nullable = false)
    private boolean beforeCredited;

    @Column(name = "after_credited", nullable = false)
    private boolean afterCredited;

    @Column(name = "before_minutes_audio_video")
    private Integer beforeMinutesAudioVideo;

    @Column(name = "before_minutes_audio_only")
    private Integer beforeMinutesAudioOnly;

    @Column(name = "before_minutes_no_media")
    private Integer beforeMinutesNoMedia;

    @Column(name = "after_minutes_audio_video")
    private Integer afterMinutesAudioVideo;

    @Column(name = "after_minutes_audio_only")
    private Integer afterMinutesAudioOnly;

    @Column(name = "after_minutes_no_media")
    private Integer afterMinutesNoMedia;

    @Column(name = "credit_override_reason", length = 500)
    private String creditOverrideReason;

    protected AttendanceAmendment() {
        // for JPA
    }

    AttendanceAmendment(AttendanceRecord record, String authorSubject, String reason, Instant amendedAt,
                        AttendanceStatus beforeStatus, AttendanceStatus afterStatus, int beforeMinutes,
                        int afterMinutes, boolean beforeCredited, boolean afterCredited, ModalityMinutes beforeSplit,
                        ModalityMinutes afterSplit, String creditOverrideReason) {
        this.id = UUID.randomUUID();
        this.record = record;
        this.authorSubject = authorSubject;
        this.reason = reason;
        this.amendedAt = amendedAt;
        this.beforeStatus = beforeStatus;
        this.afterStatus = afterStatus;
        this.beforeMinutes = beforeMinutes;
        this.afterMinutes = afterMinutes;
        this.beforeCredited = beforeCredited;
        this.afterCredited = afterCredited;
        this.beforeMinutesAudioVideo = beforeSplit.audioVideo();
        this.beforeMinutesAudioOnly = beforeSplit.audioOnly();
        this.beforeMinutesNoMedia = beforeSplit.noMedia();
        this.afterMinutesAudioVideo = afterSplit.audioVideo();
        this.afterMinutesAudioOnly = afterSplit.audioOnly();
        this.afterMinutesNoMedia = afterSplit.noMedia();
        this.creditOverrideReason = creditOverrideReason;
    }

    public UUID id() {
        return id;
    }

    public String authorSubject() {
        return authorSubject;
    }

    public String reason() {
        return reason;
    }

    public Instant amendedAt() {
        return amendedAt;
    }

    public AttendanceStatus beforeStatus() {
        return beforeStatus;
    }

    public AttendanceStatus afterStatus() {
        return afterStatus;
    }

    public int beforeMinutes() {
        return beforeMinutes;
    }

    public int afterMinutes() {
        return afterMinutes;
    }

    public boolean beforeCredited() {
        return beforeCredited;
    }

    public boolean afterCredited() {
        return afterCredited;
    }

    /** The minutes by modality before this amendment; null on amendments made before V12. */
    public ModalityMinutes beforeSplit() {
        return beforeMinutesAudioVideo == null ? null
                : new ModalityMinutes(beforeMinutesAudioVideo, beforeMinutesAudioOnly, beforeMinutesNoMedia);
    }

    /** The minutes by modality after it; null on amendments made before V12. */
    public ModalityMinutes afterSplit() {
        return afterMinutesAudioVideo == null ? null
                : new ModalityMinutes(afterMinutesAudioVideo, afterMinutesAudioOnly, afterMinutesNoMedia);
    }

    /** Why the session was credited below the program's credit minutes; null when it was not. */
    public String creditOverrideReason() {
        return creditOverrideReason;
    }
}
