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
 * One published version of a program's consent text of one kind. Published once and never changed (on PostgreSQL a
 * trigger refuses any change, V27_1): what a patient accepted stays word for word what they read. A change of wording
 * is a new version, a new row, numbered one past the latest ({@link Consents#publish}, backed by a unique
 * constraint); the highest version of a kind is the current one.
 */
@Entity
@Immutable
@Table(name = "consent_text")
public class ConsentText {

    public static final int TITLE_MAX = 200;
    public static final int BODY_MAX = 20_000;

    @Id
    private UUID id;

    @Column(name = "program_id", nullable = false)
    private UUID programId;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, length = 32)
    private ConsentKind kind;

    @Column(name = "version", nullable = false)
    private int version;

    @Column(name = "title", nullable = false, length = TITLE_MAX)
    private String title;

    @Column(name = "body", nullable = false, length = BODY_MAX)
    private String body;

    @Column(name = "published_by", nullable = false)
    private String publishedBy;

    @Column(name = "published_at", nullable = false)
    private Instant publishedAt;

    protected ConsentText() {
        // for JPA
    }

    /** Version {@code version} of the program's text of {@code kind}, published by {@code publishedBy} (a subject). */
    public ConsentText(UUID programId, ConsentKind kind, int version, String title, String body, String publishedBy,
                       Instant publishedAt) {
        this.id = UUID.randomUUID();
        this.programId = Checks.required("programId", programId);
        this.kind = Checks.required("kind", kind);
        if (version < 1) {
            throw new IllegalArgumentException("versions start at 1");
        }
        this.version = version;
        this.title = Checks.text("title", title, TITLE_MAX);
        this.body = Checks.text("body", body, BODY_MAX);
        this.publishedBy = Checks.required("publishedBy", publishedBy);
        this.publishedAt = Checks.required("publishedAt", publishedAt);
    }

    public UUID id() {
        return id;
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

    public String title() {
        return title;
    }

    public String body() {
        return body;
    }

    public String publishedBy() {
        return publishedBy;
    }

    public Instant publishedAt() {
        return publishedAt;
    }

    @Override
    public String toString() {
        return "ConsentText[" + kind + " v" + version + "]";
    }
}
