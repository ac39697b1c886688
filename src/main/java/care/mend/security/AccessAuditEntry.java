package care.mend.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/**
 * One line of the access audit log: who read (or was refused) what, when and from where. Immutable from birth:
 * no setters, Hibernate never issues an UPDATE for it, and PostgreSQL refuses UPDATE and DELETE by trigger.
 */
@Entity
@Immutable
@Table(name = "access_audit")
public class AccessAuditEntry {

    @Id
    private UUID id;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(name = "actor_subject", nullable = false)
    private String actorSubject;

    @Column(name = "actor_roles", nullable = false)
    private String actorRoles;

    @Column(name = "action", nullable = false)
    private String action;

    @Column(name = "resource_type", nullable = false)
    private String resourceType;

    @Column(name = "resource_id")
    private String resourceId;

    @Column(name = "patient_id")
    private UUID patientId;

    @Enumerated(EnumType.STRING)
    @Column(name = "outcome", nullable = false)
    private AccessOutcome outcome;

    @Column(name = "remote_address", nullable = false)
    private String remoteAddress;

    protected AccessAuditEntry() {
        // for JPA
    }

    public AccessAuditEntry(Instant occurredAt, CurrentUser actor, AuditedAccess access, AccessOutcome outcome) {
        this.id = UUID.randomUUID();
        this.occurredAt = Objects.requireNonNull(occurredAt);
        this.actorSubject = actor.subject();
        this.actorRoles = String.join(",", actor.roles().stream().map(Role::realmRole).sorted().toList());
        this.action = access.action();
        this.resourceType = access.resourceType();
        this.resourceId = access.resourceId();
        this.patientId = access.patientId();
        this.outcome = Objects.requireNonNull(outcome);
        this.remoteAddress = truncate(actor.remoteAddress(), 64);
    }

    private static String truncate(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }

    public UUID id() {
        return id;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public String actorSubject() {
        return actorSubject;
    }

    public String actorRoles() {
        return actorRoles;
    }

    public String action() {
        return action;
    }

    public String resourceType() {
        return resourceType;
    }

    public String resourceId() {
        return resourceId;
    }

    public UUID patientId() {
        return patientId;
    }

    public AccessOutcome outcome() {
        return outcome;
    }

    public String remoteAddress() {
        return remoteAddress;
    }
}
