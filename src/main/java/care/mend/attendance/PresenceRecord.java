package care.mend.attendance;

import care.mend.media.MediaModality;
import care.mend.room.PresenceEvent;
import care.mend.room.PresenceKind;
import care.mend.room.RoomRole;
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
 * A stored presence event: what a live room reported about a participant, when (the room's server time), and when
 * it was recorded. Immutable; PostgreSQL refuses changes by trigger.
 */
@Entity
@Immutable
@Table(name = "presence_event")
public class PresenceRecord {

    @Id
    private UUID id;

    @Column(name = "idempotency_key", nullable = false, updatable = false)
    private String idempotencyKey;

    @Column(name = "session_id", nullable = false)
    private UUID sessionId;

    @Column(name = "participant_id", nullable = false)
    private String participantId;

    @Column(name = "subject", nullable = false)
    private String subject;

    @Enumerated(EnumType.STRING)
    @Column(name = "room_role", nullable = false)
    private RoomRole role;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false)
    private PresenceKind kind;

    @Enumerated(EnumType.STRING)
    @Column(name = "modality", nullable = false)
    private MediaModality modality;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    protected PresenceRecord() {
        // for JPA
    }

    public PresenceRecord(PresenceEvent event, Instant recordedAt) {
        this.id = UUID.randomUUID();
        this.idempotencyKey = event.idempotencyKey();
        this.sessionId = event.sessionId();
        this.participantId = event.participantId().value();
        this.subject = event.subject();
        this.role = event.role();
        this.kind = event.kind();
        this.modality = event.modality();
        this.occurredAt = event.at();
        this.recordedAt = recordedAt;
    }

    public String idempotencyKey() {
        return idempotencyKey;
    }

    public UUID sessionId() {
        return sessionId;
    }

    public String participantId() {
        return participantId;
    }

    public String subject() {
        return subject;
    }

    public RoomRole role() {
        return role;
    }

    public PresenceKind kind() {
        return kind;
    }

    public MediaModality modality() {
        return modality;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public Instant recordedAt() {
        return recordedAt;
    }
}
