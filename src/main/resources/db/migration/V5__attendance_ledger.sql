-- The signed attendance ledger. At sign-off the facilitator freezes each patient's attendance for a session into an
-- attendance_record; the original figures never change. Corrections are attendance_amendment rows (who, when, why,
-- before and after); the record's current_* columns show the effect of the latest one. Nothing here is deleted.
create table attendance_sign_off (
    session_id        uuid                     not null,
    signed_by_subject varchar(255)             not null,
    signed_at         timestamp with time zone not null,
    constraint pk_attendance_sign_off primary key (session_id),
    constraint fk_attendance_sign_off_session foreign key (session_id) references group_session (id)
);

create table attendance_record (
    id                       uuid                     not null,
    session_id               uuid                     not null,
    patient_id               uuid                     not null,
    original_status          varchar(16)              not null,
    original_minutes         integer                  not null,
    original_credited        boolean                  not null,
    current_status           varchar(16)              not null,
    current_minutes          integer                  not null,
    current_credited         boolean                  not null,
    minutes_audio_video      integer                  not null,
    minutes_audio_only       integer                  not null,
    minutes_no_media         integer                  not null,
    gap_minutes              integer                  not null,
    first_admitted           timestamp with time zone,
    last_left                timestamp with time zone,
    scheduled_minutes        integer                  not null,
    explanation              varchar(500)             not null,
    version                  bigint                   not null,
    created_at               timestamp with time zone not null,
    constraint pk_attendance_record primary key (id),
    constraint uq_attendance_record unique (session_id, patient_id),
    constraint fk_attendance_record_sign_off foreign key (session_id) references attendance_sign_off (session_id),
    constraint fk_attendance_record_patient foreign key (patient_id) references patient (id),
    constraint ck_attendance_record_status check (original_status in
        ('PRESENT', 'LATE', 'LEFT_EARLY', 'PARTIAL', 'ABSENT', 'EXCUSED')
        and current_status in ('PRESENT', 'LATE', 'LEFT_EARLY', 'PARTIAL', 'ABSENT', 'EXCUSED')),
    constraint ck_attendance_record_minutes check (original_minutes >= 0 and current_minutes >= 0)
);
create index ix_attendance_record_patient on attendance_record (patient_id);

create table attendance_amendment (
    id              uuid                     not null,
    record_id       uuid                     not null,
    author_subject  varchar(255)             not null,
    reason          varchar(500)             not null,
    amended_at      timestamp with time zone not null,
    before_status   varchar(16)              not null,
    after_status    varchar(16)              not null,
    before_minutes  integer                  not null,
    after_minutes   integer                  not null,
    before_credited boolean                  not null,
    after_credited  boolean                  not null,
    constraint pk_attendance_amendment primary key (id),
    constraint fk_attendance_amendment_record foreign key (record_id) references attendance_record (id)
);
create index ix_attendance_amendment_record on attendance_amendment (record_id, amended_at);
