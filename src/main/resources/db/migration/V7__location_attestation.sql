-- Where a patient said they were for a session, as they stated it when joining the room: telehealth documentation
-- (payers and auditors ask for the patient's location during a virtual visit) and a safety aid for the facilitator.
-- Every statement is kept; the session's record takes the latest at sign-off. Append-only.
create table location_attestation (
    id          uuid                     not null,
    session_id  uuid                     not null,
    patient_id  uuid                     not null,
    location    varchar(200)             not null,
    attested_at timestamp with time zone not null,
    constraint pk_location_attestation primary key (id),
    constraint fk_location_attestation_session foreign key (session_id) references group_session (id),
    constraint fk_location_attestation_patient foreign key (patient_id) references patient (id)
);
create index ix_location_attestation_session on location_attestation (session_id, patient_id, attested_at);

-- The signed record keeps the location it was signed with.
alter table attendance_record add column attested_location varchar(200);
