-- A session whose time passed without its room ever going live becomes NOT_HELD (set by the server's periodic job,
-- with the time it did so). It never went live, so it has no live_at. The job finds its candidates by status and
-- scheduled end: the index keeps that a probe of the few overdue rows.
alter table group_session add column not_held_at timestamp with time zone;

alter table group_session drop constraint ck_group_session_status;
alter table group_session add constraint ck_group_session_status
    check (status in ('SCHEDULED', 'LIVE', 'ENDED', 'CANCELLED', 'NOT_HELD'));
alter table group_session add constraint ck_group_session_not_held check (
    (status = 'NOT_HELD' and not_held_at is not null and live_at is null)
    or (status <> 'NOT_HELD' and not_held_at is null));

create index ix_group_session_status_ends_at on group_session (status, ends_at);
