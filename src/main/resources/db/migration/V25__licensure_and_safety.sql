-- Licensure of the place and the safety panel (Mend issue #18).

-- The states, DC or territories each staff member is licensed in (USPS codes). A facilitator's patients who say they
-- are elsewhere wait flagged, and are admitted only "anyway" with a reason (licensure_override).
create table staff_licensed_state (
    staff_id uuid       not null,
    state    varchar(2) not null,
    constraint pk_staff_licensed_state primary key (staff_id, state),
    constraint fk_staff_licensed_state_staff foreign key (staff_id) references staff_member (id)
);

-- Where the patient said they were, beside the free text: US-XX (state, DC, territory) or an ISO 3166-1 alpha-2
-- country outside the US. Null on statements made before V25 or by clients that do not ask.
alter table location_attestation add column jurisdiction varchar(5);

-- A patient admitted although their stated jurisdiction is outside every licensed state of the session's
-- facilitators: who admitted them, when, why, and what the patient had stated. Append-only (PostgreSQL: V25_1).
create table licensure_override (
    id               uuid                     not null,
    session_id       uuid                     not null,
    patient_id       uuid                     not null,
    jurisdiction     varchar(5)               not null,
    reason           varchar(500)             not null,
    author_subject   varchar(255)             not null,
    author_staff_id  uuid,
    recorded_at      timestamp with time zone not null,
    constraint pk_licensure_override primary key (id),
    constraint fk_licensure_override_session foreign key (session_id) references group_session (id),
    constraint fk_licensure_override_patient foreign key (patient_id) references patient (id),
    constraint fk_licensure_override_author foreign key (author_staff_id) references staff_member (id)
);
create index ix_licensure_override_session on licensure_override (session_id, patient_id, recorded_at);

-- What the safety panel tells the facilitator to do in a crisis, per site; null: the default for the US.
alter table site add column crisis_instructions varchar(1000);
