-- Telehealth consent and the group agreement (Mend issue #18): per program, versioned texts that a patient accepts
-- before joining a session's room (and again when a new version is published), and may withdraw.
--
-- A published text is never changed: a new version is a new row (version 1, 2, ... per program and kind); the
-- current text of a kind is the one with the highest version. A decision is one row per accept or withdrawal, with the
-- server's time and the person who made it; a patient's latest decision on a program's kind is what counts.

create table consent_text (
    id           uuid                     not null,
    program_id   uuid                     not null,
    kind         varchar(32)              not null,
    version      integer                  not null,
    title        varchar(200)             not null,
    body         varchar(20000)           not null,
    published_by varchar(255)             not null,
    published_at timestamp with time zone not null,
    constraint pk_consent_text primary key (id),
    constraint uq_consent_text_version unique (program_id, kind, version),
    constraint fk_consent_text_program foreign key (program_id) references program (id),
    constraint ck_consent_text_kind check (kind in ('TELEHEALTH_CONSENT', 'GROUP_AGREEMENT')),
    constraint ck_consent_text_version check (version >= 1)
);

create table consent_decision (
    id            uuid                     not null,
    patient_id    uuid                     not null,
    text_id       uuid                     not null,
    program_id    uuid                     not null,
    kind          varchar(32)              not null,
    version       integer                  not null,
    sequence_no   integer                  not null,
    decision      varchar(16)              not null,
    decided_at    timestamp with time zone not null,
    actor_subject varchar(255)             not null,
    constraint pk_consent_decision primary key (id),
    constraint fk_consent_decision_patient foreign key (patient_id) references patient (id),
    constraint fk_consent_decision_text foreign key (text_id) references consent_text (id),
    constraint ck_consent_decision check (decision in ('ACCEPTED', 'WITHDRAWN')),
    constraint ck_consent_decision_sequence check (sequence_no >= 1),
    -- The decisions of one patient on one program's kind are numbered 1, 2, ...: the highest is the latest (times can
    -- tie), and two decisions made at once cannot both take the same place.
    constraint uq_consent_decision_sequence unique (patient_id, program_id, kind, sequence_no)
);
