-- Session reminders by e-mail (Mend issue #18): a patient who opts in gets one e-mail before each session on whose
-- roster they are, a configurable lead before its start, saying when their group meets and where to join, and
-- nothing about their care (no program, no group name, no diagnosis).

-- The patient's choice, set by the patient on their page or by staff; no row means no reminders (opt-in).
create table reminder_preference (
    patient_id  uuid                     not null,
    email       boolean                  not null,
    -- Who made the choice last: the patient themselves (PATIENT) or staff (STAFF).
    changed_by  varchar(16)              not null,
    changed_at  timestamp with time zone not null,
    version     bigint                   not null,
    constraint pk_reminder_preference primary key (patient_id),
    constraint fk_reminder_preference_patient foreign key (patient_id) references patient (id),
    constraint ck_reminder_preference_changed_by check (changed_by in ('PATIENT', 'STAFF'))
);

-- What was sent: one row per patient, session and start time, never the message itself. The unique key is what
-- makes sending idempotent: the row is written in the transaction that hands the message to the mail server, so a
-- second node, a restart or a repeated run finds it (or waits on it) and sends nothing. A session moved to another
-- time is a new start: its patients get one reminder with the new time.
create table sent_reminder (
    id                uuid                     not null,
    session_id        uuid                     not null,
    patient_id        uuid                     not null,
    session_starts_at timestamp with time zone not null,
    sent_at           timestamp with time zone not null,
    constraint pk_sent_reminder primary key (id),
    constraint uq_sent_reminder_session_patient_start unique (session_id, patient_id, session_starts_at),
    constraint fk_sent_reminder_session foreign key (session_id) references group_session (id),
    constraint fk_sent_reminder_patient foreign key (patient_id) references patient (id)
);
