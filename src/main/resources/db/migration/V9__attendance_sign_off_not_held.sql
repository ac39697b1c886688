-- A session that was not held is signed off as such, by a facilitator of its group or an admin, with the reason it
-- did not take place. Nobody attended it: no attendance_record rows are written, so no patient is marked absent.
-- The sign-off stays append-only (PostgreSQL's trigger of V5_1 covers the new column too).
alter table attendance_sign_off add column not_held_reason varchar(300);
