package care.mend.consent;

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
 * A patient's acceptance or withdrawal of one version of a consent text: append-only (a withdrawal is a new row, not
 * an edit of the acceptance; on PostgreSQL a trigger refuses any change, V27_1). It repeats the text's program, kind
 * and version so that the record reads on its own: "accepted the group agreement v2 at 18:02". The actor is the
 * identity subject of who made it (the patient themselves today).
 */
@Entity
@Immutable
@Table(name = "consent_decision")
public class ConsentDecision {

    @Id
    private UUID id;

    @Column(name = "patient_id", nullable = false)
    private UUID patientId;

    @Column(name = "text_id", nullable = false)
    private UUID textId;

    @Column(name = "program_id", nullable = false)
    private UUID programId;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, length = 32)
    private ConsentKind kind;

    @Column(name = "version", nullable = false)
    private int version;

    @Column(name = "sequence_no", nullable = false)
    private int sequence;

    @Enumerated(EnumType.STRING)
    @Column(name = "decision", nullable = false, length = 16)
    private ConsentChoice decision;

    @Column(name = "decided_at", nullable = false)
    private Instant decidedAt;

    @Column(name = "actor_subject", nullable = false)
    private String actorSubject;

    protected ConsentDecision() {
        // for JPA
    }

    /**
     * The patient's decision number {@code sequence} (1, 2, ...) on the text's program and kind: one past the
     * latest, so that the latest is never in doubt when two decisions share an instant.
     */
    public ConsentDecision(UUID patientId, ConsentText text, int sequence, ConsentChoice decision, Instant decidedAt,
                           String actorSubject) {
        Checks.required("text", text);
        if (sequence < 1) {
            throw new IllegalArgumentException("decisions are numbered from 1");
        }
        this.sequence = sequence;
        this.id = UUID.randomUUID();
        this.patientId = Checks.required("patientId", patientId);
        this.textId = text.id();
        this.programId = text.programId();
        this.kind = text.kind();
        this.version = text.version();
        this.decision = Checks.required("decision", decision);
        this.decidedAt = Checks.required("decidedAt", decidedAt);
        this.actorSubject = Checks.required("actorSubject", actorSubject);
    }

    public UUID id() {
        return id;
    }

    public UUID patientId() {
        return patientId;
    }

    public UUID textId() {
        return textId;
    }

    public UUID programId() {
        return programId;
    }

    public ConsentKind kind() {
        return kind;
    }

    public int version() {
        return version;
    }

    public int sequence() {
        return sequence;
    }

    public ConsentChoice decision() {
        return decision;
    }

    public Instant decidedAt() {
        return decidedAt;
    }

    public String actorSubject() {
        return actorSubject;
    }

    @Override
    public String toString() {
        return "ConsentDecision[" + kind + " v" + version + " " + decision + " " + decidedAt + "]";
    }
}
