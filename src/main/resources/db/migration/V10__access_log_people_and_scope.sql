-- The access log names people and patients by record id (display names are resolved when the log is read, never
-- stored here), the scope a request covered, and, in side tables, the patients whose data one request returned and
-- the sites it touched: one row per request, not per record listed. Rows written before V10 keep their subject,
-- roles and patient id, and have no side-table rows. Append-only like the log itself (db/vendor/postgresql V10_1).
alter table access_audit add column actor_staff_id uuid;
alter table access_audit add column actor_patient_id uuid;
alter table access_audit add column session_id uuid;
alter table access_audit add column group_id uuid;
alter table access_audit add column program_id uuid;
alter table access_audit add column site_id uuid;
-- The rest of a report's or listing's filter (facilitator, dates, status) as a query string of ids and dates.
alter table access_audit add column scope_filter varchar(500);

create index ix_access_audit_actor_staff on access_audit (actor_staff_id, occurred_at);
create index ix_access_audit_actor_patient on access_audit (actor_patient_id, occurred_at);

-- No foreign keys to patient or site: a refused request may name an id that does not exist, and the log outlives
-- whatever it names.
create table access_audit_patient (
    audit_id   uuid not null,
    patient_id uuid not null,
    constraint pk_access_audit_patient primary key (audit_id, patient_id),
    constraint fk_access_audit_patient_audit foreign key (audit_id) references access_audit (id)
);
create index ix_access_audit_patient_patient on access_audit_patient (patient_id);

create table access_audit_site (
    audit_id uuid not null,
    site_id  uuid not null,
    constraint pk_access_audit_site primary key (audit_id, site_id),
    constraint fk_access_audit_site_audit foreign key (audit_id) references access_audit (id)
);
create index ix_access_audit_site_site on access_audit_site (site_id);
