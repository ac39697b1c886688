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

/** One correction of a signed attendance record: who, when, why, and the figures before and after. */
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

    protected AttendanceAmendment() {
        // for JPA
    }

    AttendanceAmendment(AttendanceRecord record, String authorSubject, String reason, Instant amendedAt,
                        AttendanceStatus beforeStatus, AttendanceStatus afterStatus, int beforeMinutes,
                        int afterMinutes, boolean beforeCredited, boolean afterCredited) {
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
}
