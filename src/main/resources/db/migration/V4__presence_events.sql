-- Presence events from the live rooms, the raw material of the attendance ledger. Append-only; the idempotency key
-- makes a replayed event harmless (the writer skips keys it has, the unique constraint backs it up).
create table presence_event (
    id              uuid                     not null,
    idempotency_key varchar(200)             not null,
    session_id      uuid                     not null,
    participant_id  varchar(64)              not null,
    subject         varchar(255)             not null,
    room_role       varchar(16)              not null,
    kind            varchar(24)              not null,
    modality        varchar(16)              not null,
    occurred_at     timestamp with time zone not null,
    recorded_at     timestamp with time zone not null,
    constraint pk_presence_event primary key (id),
    constraint uq_presence_event_key unique (idempotency_key),
    constraint fk_presence_event_session foreign key (session_id) references group_session (id),
    constraint ck_presence_event_kind check (kind in
        ('ADMITTED', 'LEFT', 'CONNECTION_LOST', 'RESUMED', 'MODALITY_CHANGED', 'SESSION_ENDED'))
);
create index ix_presence_event_session on presence_event (session_id, occurred_at);
create index ix_presence_event_subject on presence_event (subject, occurred_at);
