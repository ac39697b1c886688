-- The access audit log: every read of a patient's records or attendance, allowed or denied. Append-only: Mend
-- has no code path that updates or deletes a row, and on PostgreSQL a trigger (db/vendor/postgresql) refuses it.
create table access_audit (
    id             uuid                     not null,
    occurred_at    timestamp with time zone not null,
    actor_subject  varchar(255)             not null,
    actor_roles    varchar(100)             not null,
    action         varchar(64)              not null,
    resource_type  varchar(64)              not null,
    resource_id    varchar(64),
    patient_id     uuid,
    outcome        varchar(8)               not null,
    remote_address varchar(64)              not null,
    constraint pk_access_audit primary key (id),
    constraint ck_access_audit_outcome check (outcome in ('ALLOWED', 'DENIED'))
);
create index ix_access_audit_occurred on access_audit (occurred_at);
create index ix_access_audit_patient on access_audit (patient_id, occurred_at);
create index ix_access_audit_actor on access_audit (actor_subject, occurred_at);
