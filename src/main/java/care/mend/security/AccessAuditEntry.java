package care.mend.security;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/**
 * One line of the access audit log: one request, by whom, about which patient and scope, allowed or refused, and
 * when. Immutable from birth: no setters, Hibernate never issues an UPDATE for it, and PostgreSQL refuses UPDATE and
 * DELETE by trigger, on the side tables too.
 *
 * <p>The person is stored as their staff or patient record id (and the identity provider's subject, for a caller
 * without either); the patient as a patient id. Display names are never stored: the log is read with the names of
 * today ({@link AccessLogReader}). A request that returned several patients' data (a report, a listing, a sheet)
 * lists their ids in {@code access_audit_patient}; the sites it touched are in {@code access_audit_site}, which is
 * what a supervisor's view of the log is filtered by.
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

    @Column(name = "actor_staff_id")
    private UUID actorStaffId;

    @Column(name = "actor_patient_id")
    private UUID actorPatientId;

    /** An {@link AuditAction} name, or (rows before V10) an older name {@link AuditAction#ofStored} knows. */
    @Column(name = "action", nullable = false)
    private String action;

    @Column(name = "resource_type", nullable = false)
    private String resourceType;

    @Column(name = "resource_id")
    private String resourceId;

    @Column(name = "patient_id")
    private UUID patientId;

    @Column(name = "session_id")
    private UUID sessionId;

    @Column(name = "group_id")
    private UUID groupId;

    @Column(name = "program_id")
    private UUID programId;

    @Column(name = "site_id")
    private UUID siteId;

    @Column(name = "scope_filter", length = AuditedAccess.FILTER_MAX)
    private String scopeFilter;

    @Enumerated(EnumType.STRING)
    @Column(name = "outcome", nullable = false)
    private AccessOutcome outcome;

    @Column(name = "remote_address", nullable = false)
    private String remoteAddress;

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "access_audit_patient", joinColumns = @JoinColumn(name = "audit_id"))
    @Column(name = "patient_id", nullable = false)
    private Set<UUID> disclosedPatients = new HashSet<>();

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "access_audit_site", joinColumns = @JoinColumn(name = "audit_id"))
    @Column(name = "site_id", nullable = false)
    private Set<UUID> siteIds = new HashSet<>();

    protected AccessAuditEntry() {
        // for JPA
    }

    /**
     * @param actor     who asked, with their staff and patient record ids (either or both may be null)
     * @param access    what they asked for, with its scope
     * @param patients  whose data the response carried (empty for a refusal)
     * @param sites     the sites the request touched
     */
    AccessAuditEntry(Instant occurredAt, AuditActor actor, AuditedAccess access, AccessOutcome outcome,
                     Set<UUID> patients, Set<UUID> sites) {
        this.id = UUID.randomUUID();
        this.occurredAt = Objects.requireNonNull(occurredAt);
        this.actorSubject = actor.user().subject();
        this.actorRoles = String.join(",", actor.user().roles().stream().map(Role::realmRole).sorted().toList());
        this.actorStaffId = actor.staffId();
        this.actorPatientId = actor.patientId();
        this.action = access.action().name();
        this.resourceType = access.resourceType();
        this.resourceId = access.resourceId();
        this.patientId = access.patientId();
        this.sessionId = access.sessionId();
        this.groupId = access.groupId();
        this.programId = access.programId();
        this.siteId = access.siteId();
        this.scopeFilter = access.filter();
        this.outcome = Objects.requireNonNull(outcome);
        this.remoteAddress = truncate(actor.user().remoteAddress(), 64);
        this.disclosedPatients = new HashSet<>(patients);
        this.siteIds = new HashSet<>(sites);
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

    public UUID actorStaffId() {
        return actorStaffId;
    }

    public UUID actorPatientId() {
        return actorPatientId;
    }

    /** The action; empty only for a stored string no Mend version wrote. */
    public java.util.Optional<AuditAction> action() {
        return AuditAction.ofStored(action);
    }

    /** The action as stored (older rows: an older name). */
    public String storedAction() {
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

    public UUID sessionId() {
        return sessionId;
    }

    public UUID groupId() {
        return groupId;
    }

    public UUID programId() {
        return programId;
    }

    public UUID siteId() {
        return siteId;
    }

    public String scopeFilter() {
        return scopeFilter;
    }

    public AccessOutcome outcome() {
        return outcome;
    }

    public String remoteAddress() {
        return remoteAddress;
    }

    /** The patients whose data the request returned (loaded on demand). */
    public Set<UUID> disclosedPatients() {
        return Set.copyOf(disclosedPatients);
    }

    /** The sites the request touched (loaded on demand). */
    public Set<UUID> siteIds() {
        return Set.copyOf(siteIds);
    }
}
