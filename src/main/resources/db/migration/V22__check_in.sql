-- The check-in at join (Mend issue #18): before the waiting room a patient may say how their mood is (0-10), how
-- strong their craving is (0-10, substance-use programs), whether they took their medication today, and leave a
-- one-line note for the facilitator. Clinical data: one per patient and session, kept as given (append-only), with
-- the server's time and the program's flagging thresholds of that moment, so a flag never changes afterwards.

-- How a program asks (CheckInPlan): on; craving asked in substance-use and dual-diagnosis programs; low mood at 3 or
-- less, high craving at 7 or more.
alter table program add column check_in_enabled boolean default true not null;
alter table program add column check_in_asks_craving boolean default false not null;
alter table program add column check_in_low_mood_at_most integer default 3 not null;
alter table program add column check_in_high_craving_at_least integer default 7 not null;
update program set check_in_asks_craving = true where kind in ('SUBSTANCE_USE_IOP', 'DUAL_DIAGNOSIS');
alter table program add constraint ck_program_check_in_low_mood check (check_in_low_mood_at_most between 0 and 10);
alter table program add constraint ck_program_check_in_high_craving
    check (check_in_high_craving_at_least between 0 and 10);

create table check_in (
    id                    uuid                     not null,
    session_id            uuid                     not null,
    patient_id            uuid                     not null,
    mood                  integer                  not null,
    craving               integer,
    medication            varchar(16)              not null,
    note                  varchar(280),
    checked_in_at         timestamp with time zone not null,
    low_mood_at_most      integer                  not null,
    high_craving_at_least integer                  not null,
    constraint pk_check_in primary key (id),
    constraint uq_check_in_session_patient unique (session_id, patient_id),
    constraint fk_check_in_session foreign key (session_id) references group_session (id),
    constraint fk_check_in_patient foreign key (patient_id) references patient (id),
    constraint ck_check_in_mood check (mood between 0 and 10),
    constraint ck_check_in_craving check (craving is null or craving between 0 and 10),
    constraint ck_check_in_medication check (medication in ('TAKEN', 'NOT_TAKEN', 'NOT_PRESCRIBED')),
    constraint ck_check_in_thresholds check (low_mood_at_most between 0 and 10
        and high_craving_at_least between 0 and 10)
);
-- A patient's trend reads their check-ins in time order.
create index ix_check_in_patient on check_in (patient_id, checked_in_at);
