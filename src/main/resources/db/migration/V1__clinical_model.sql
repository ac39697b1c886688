-- The clinical model: sites, patients, staff, programs, enrollments, therapy groups, memberships, group sessions.
-- Portable SQL: runs unchanged on H2 2.2 and PostgreSQL 17. Instants are timestamp with time zone (stored as UTC);
-- local dates and times belong to the zone named next to them. Enumerations are varchar with CHECK constraints,
-- matching the JPA @Enumerated(STRING) mapping. Nothing clinical is deleted, so foreign keys have no cascades.

create table site (
    id          uuid                     not null,
    name        varchar(200)             not null,
    city        varchar(100)             not null,
    state       varchar(2)               not null,
    time_zone   varchar(64)              not null,
    active      boolean                  not null,
    version     bigint                   not null,
    created_at  timestamp with time zone not null,
    constraint pk_site primary key (id)
);
create index ix_site_active on site (active);

create table patient (
    id                      uuid                     not null,
    idp_subject             varchar(255)             not null,
    display_name            varchar(100)             not null,
    emergency_contact_name  varchar(200)             not null,
    emergency_contact_phone varchar(32)              not null,
    version                 bigint                   not null,
    created_at              timestamp with time zone not null,
    constraint pk_patient primary key (id),
    constraint uq_patient_idp_subject unique (idp_subject)
);

create table staff_member (
    id           uuid                     not null,
    idp_subject  varchar(255)             not null,
    display_name varchar(100)             not null,
    active       boolean                  not null,
    version      bigint                   not null,
    created_at   timestamp with time zone not null,
    constraint pk_staff_member primary key (id),
    constraint uq_staff_member_idp_subject unique (idp_subject)
);
create index ix_staff_member_active on staff_member (active);

create table program (
    id                        uuid                     not null,
    site_id                   uuid                     not null,
    name                      varchar(200)             not null,
    kind                      varchar(32)              not null,
    required_sessions         integer                  not null,
    planned_sessions_per_week integer                  not null,
    planned_session_minutes   integer                  not null,
    -- The weekly attendance floor in whole minutes (540 = 9 hours).
    minimum_weekly_minutes    integer                  not null,
    version                   bigint                   not null,
    created_at                timestamp with time zone not null,
    constraint pk_program primary key (id),
    constraint fk_program_site foreign key (site_id) references site (id),
    constraint ck_program_kind check (kind in ('MENTAL_HEALTH_IOP', 'SUBSTANCE_USE_IOP', 'DUAL_DIAGNOSIS')),
    constraint ck_program_required_sessions check (required_sessions between 20 and 40),
    constraint ck_program_sessions_per_week check (planned_sessions_per_week between 3 and 4),
    constraint ck_program_session_minutes check (planned_session_minutes between 60 and 300),
    constraint ck_program_minimum_weekly check (minimum_weekly_minutes between 60 and 1200
        and minimum_weekly_minutes <= planned_sessions_per_week * planned_session_minutes)
);
create index ix_program_site on program (site_id);
create index ix_program_kind on program (kind);

create table enrollment (
    id               uuid                     not null,
    patient_id       uuid                     not null,
    program_id       uuid                     not null,
    start_date       date                     not null,
    planned_end_date date,
    status           varchar(16)              not null,
    end_date         date,
    -- TRUE while ENROLLED, NULL afterwards: with the unique constraint below, at most one ENROLLED enrollment per
    -- patient and program (NULLs are distinct in unique constraints on both databases).
    open_marker      boolean,
    version          bigint                   not null,
    created_at       timestamp with time zone not null,
    constraint pk_enrollment primary key (id),
    constraint fk_enrollment_patient foreign key (patient_id) references patient (id),
    constraint fk_enrollment_program foreign key (program_id) references program (id),
    constraint ck_enrollment_status check (status in ('ENROLLED', 'COMPLETED', 'DISCHARGED', 'WITHDRAWN')),
    constraint ck_enrollment_planned_end check (planned_end_date is null or planned_end_date >= start_date),
    constraint ck_enrollment_open check (
        (status = 'ENROLLED' and open_marker = true and end_date is null)
        or (status <> 'ENROLLED' and open_marker is null and end_date is not null and end_date >= start_date)),
    constraint uq_enrollment_open unique (patient_id, program_id, open_marker)
);
create index ix_enrollment_program_status on enrollment (program_id, status);
create index ix_enrollment_status on enrollment (status);

create table enrollment_status_change (
    id             uuid                     not null,
    enrollment_id  uuid                     not null,
    status         varchar(16)              not null,
    effective_date date                     not null,
    reason         varchar(500),
    recorded_at    timestamp with time zone not null,
    constraint pk_enrollment_status_change primary key (id),
    constraint fk_enrollment_status_change_enrollment foreign key (enrollment_id) references enrollment (id),
    constraint ck_enrollment_status_change_status
        check (status in ('ENROLLED', 'COMPLETED', 'DISCHARGED', 'WITHDRAWN'))
);
create index ix_enrollment_status_change_enrollment on enrollment_status_change (enrollment_id);

create table therapy_group (
    id         uuid                     not null,
    name       varchar(200)             not null,
    program_id uuid                     not null,
    site_id    uuid                     not null,
    capacity   integer                  not null,
    auto_admit boolean                  not null,
    time_zone  varchar(64)              not null,
    version    bigint                   not null,
    created_at timestamp with time zone not null,
    constraint pk_therapy_group primary key (id),
    constraint fk_therapy_group_program foreign key (program_id) references program (id),
    constraint fk_therapy_group_site foreign key (site_id) references site (id),
    constraint ck_therapy_group_capacity check (capacity between 6 and 12)
);
create index ix_therapy_group_program on therapy_group (program_id);
create index ix_therapy_group_site on therapy_group (site_id);

create table therapy_group_slot (
    group_id       uuid       not null,
    day_of_week    varchar(9) not null,
    start_time     time       not null,
    length_minutes integer    not null,
    constraint pk_therapy_group_slot primary key (group_id, day_of_week, start_time),
    constraint fk_therapy_group_slot_group foreign key (group_id) references therapy_group (id),
    constraint ck_therapy_group_slot_day check (day_of_week in
        ('MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY')),
    constraint ck_therapy_group_slot_length check (length_minutes between 30 and 360)
);

create table group_facilitator (
    group_id uuid not null,
    staff_id uuid not null,
    constraint pk_group_facilitator primary key (group_id, staff_id),
    constraint fk_group_facilitator_group foreign key (group_id) references therapy_group (id),
    constraint fk_group_facilitator_staff foreign key (staff_id) references staff_member (id)
);
create index ix_group_facilitator_staff on group_facilitator (staff_id);

create table membership (
    id         uuid                     not null,
    group_id   uuid                     not null,
    patient_id uuid                     not null,
    from_date  date                     not null,
    -- Inclusive last day; NULL while open. The day before from_date means the membership never took effect.
    to_date    date,
    end_reason varchar(500),
    ended_at   timestamp with time zone,
    version    bigint                   not null,
    created_at timestamp with time zone not null,
    constraint pk_membership primary key (id),
    constraint fk_membership_group foreign key (group_id) references therapy_group (id),
    constraint fk_membership_patient foreign key (patient_id) references patient (id),
    constraint ck_membership_dates check (to_date is null or to_date >= from_date - 1),
    constraint ck_membership_ended check ((to_date is null) = (ended_at is null))
);
create index ix_membership_group_dates on membership (group_id, from_date, to_date);
create index ix_membership_patient on membership (patient_id);

create table group_session (
    id                  uuid                     not null,
    group_id            uuid                     not null,
    local_date          date                     not null,
    start_local_time    time                     not null,
    starts_at           timestamp with time zone not null,
    ends_at             timestamp with time zone not null,
    time_zone           varchar(64)              not null,
    status              varchar(16)              not null,
    cancellation_reason varchar(500),
    cancelled_at        timestamp with time zone,
    live_at             timestamp with time zone,
    ended_at            timestamp with time zone,
    version             bigint                   not null,
    created_at          timestamp with time zone not null,
    constraint pk_group_session primary key (id),
    constraint fk_group_session_group foreign key (group_id) references therapy_group (id),
    constraint uq_group_session_slot unique (group_id, local_date, start_local_time),
    constraint ck_group_session_status check (status in ('SCHEDULED', 'LIVE', 'ENDED', 'CANCELLED')),
    constraint ck_group_session_times check (ends_at > starts_at),
    constraint ck_group_session_cancelled check (
        (status = 'CANCELLED' and cancellation_reason is not null and cancelled_at is not null)
        or (status <> 'CANCELLED' and cancellation_reason is null and cancelled_at is null))
);
create index ix_group_session_local_date on group_session (local_date);
create index ix_group_session_starts_at on group_session (starts_at);
