-- Sessions beyond the weekly pattern: one-off and make-up sessions, a rescheduled occurrence, make-up guests.
--
-- What a session is: SCHEDULED (an occurrence of the weekly pattern), ONE_OFF (an extra session of the whole group)
-- or MAKE_UP (an extra session for named patients only: its roster is its guests, not the group's members).
alter table group_session add column kind varchar(16) default 'SCHEDULED' not null;
alter table group_session add constraint ck_group_session_kind check (kind in ('SCHEDULED', 'ONE_OFF', 'MAKE_UP'));

-- The occurrence of the weekly pattern a SCHEDULED session stands for, kept when the session is moved: generating
-- from the pattern skips a slot some session already stands for, so a moved occurrence is never created again at
-- its old time. local_date and start_local_time now say when the session takes place (they change when it moves);
-- the uniqueness that generation relies on moves to the pattern slot. One-off and make-up sessions stand for none.
alter table group_session add column slot_date date;
alter table group_session add column slot_start_time time;
update group_session set slot_date = local_date, slot_start_time = start_local_time;
alter table group_session drop constraint uq_group_session_slot;
alter table group_session add constraint uq_group_session_pattern_slot unique (group_id, slot_date, slot_start_time);
alter table group_session add constraint ck_group_session_pattern_slot check (
    (kind = 'SCHEDULED' and slot_date is not null and slot_start_time is not null)
    or (kind <> 'SCHEDULED' and slot_date is null and slot_start_time is null));

-- Why an extra session exists; required for one-off and make-up sessions. A session recorded after it happened
-- (created ENDED, never live: live_at is null) carries its reason here too.
alter table group_session add column reason varchar(500);
alter table group_session add constraint ck_group_session_reason check (kind = 'SCHEDULED' or reason is not null);

-- A moved session keeps its identity (id, attendance, sign-off) and says where it came from: its first start, the
-- latest move's reason and when that move was made.
alter table group_session add column original_starts_at timestamp with time zone;
alter table group_session add column reschedule_reason varchar(500);
alter table group_session add column rescheduled_at timestamp with time zone;
alter table group_session add constraint ck_group_session_rescheduled check (
    (original_starts_at is null and reschedule_reason is null and rescheduled_at is null)
    or (original_starts_at is not null and reschedule_reason is not null and rescheduled_at is not null));

-- The overlap check reads a group's sessions around a time.
create index ix_group_session_group_starts_at on group_session (group_id, starts_at);

-- A make-up guest: a patient of another group (or another program) on one session's roster, whose attendance there
-- counts toward their own enrollment. Never deleted; at most once per session.
create table session_guest (
    id            uuid                     not null,
    session_id    uuid                     not null,
    patient_id    uuid                     not null,
    enrollment_id uuid                     not null,
    reason        varchar(500)             not null,
    added_by      varchar(255)             not null,
    added_at      timestamp with time zone not null,
    constraint pk_session_guest primary key (id),
    constraint fk_session_guest_session foreign key (session_id) references group_session (id),
    constraint fk_session_guest_patient foreign key (patient_id) references patient (id),
    constraint fk_session_guest_enrollment foreign key (enrollment_id) references enrollment (id),
    constraint uq_session_guest unique (session_id, patient_id)
);
create index ix_session_guest_enrollment on session_guest (enrollment_id);
create index ix_session_guest_patient on session_guest (patient_id);
