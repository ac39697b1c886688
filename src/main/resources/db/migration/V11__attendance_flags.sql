-- Attendance flags. Until now a record had one status among PRESENT, LATE, LEFT_EARLY, PARTIAL, ABSENT and EXCUSED,
-- so one word hid the others: a late patient who also left early was only LATE, and a late patient below the credit
-- minutes was only PARTIAL. From V11 the status is PRESENT, PARTIAL, ABSENT or EXCUSED (credit, minutes and excuse
-- alone decide it) and lateness, leaving early and reconnection gaps are flags with their figures, beside it.
--
-- The figures, as AttendanceCalculator.flags computes them at sign-off, in whole minutes rounded down:
--   late_minutes        from the scheduled start to first_admitted (0 if admitted by then); null if never admitted
--   left_early_minutes  from last_left to the end, the earlier of ended_at and ends_at (0 if still there at the end,
--                       at most the session's length); null if never admitted
--   late_flagged        late_minutes over the program's late_after_minutes (at it is not late)
--   left_early_flagged  left_early_minutes over the program's early_leave_minutes
--   gap_count           reconnection gaps in the session (gap_minutes already holds their minutes)
-- A signed record's flags never change afterwards, even if the program's thresholds do.
alter table attendance_record add column late_minutes integer;
alter table attendance_record add column late_flagged boolean default false not null;
alter table attendance_record add column left_early_minutes integer;
alter table attendance_record add column left_early_flagged boolean default false not null;
alter table attendance_record add column gap_count integer default 0 not null;
alter table attendance_record add constraint ck_attendance_record_flags check (
    (late_minutes is null or late_minutes >= 0) and (left_early_minutes is null or left_early_minutes >= 0)
    and gap_count >= 0 and (late_flagged = false or late_minutes is not null)
    and (left_early_flagged = false or left_early_minutes is not null));

-- Records signed before V11: their figures from what they kept (first_admitted, last_left) and the session's times.
-- Date arithmetic that H2 and PostgreSQL both do the same way: seconds since the epoch, floored to whole minutes.
update attendance_record r set late_minutes = (
    select cast(greatest(0, floor((extract(epoch from r.first_admitted) - extract(epoch from s.starts_at)) / 60))
                as integer)
    from group_session s where s.id = r.session_id)
where r.first_admitted is not null;

update attendance_record r set left_early_minutes = (
    select cast(case when r.last_left is null then 0 else
               least(greatest(0, floor((extract(epoch from least(coalesce(s.ended_at, s.ends_at), s.ends_at))
                                        - extract(epoch from r.last_left)) / 60)),
                     greatest(0, floor((extract(epoch from least(coalesce(s.ended_at, s.ends_at), s.ends_at))
                                        - extract(epoch from s.starts_at)) / 60))) end as integer)
    from group_session s where s.id = r.session_id)
where r.first_admitted is not null;

-- A gap is a drop the patient came back from: one RESUMED presence event inside the session, counted from the
-- append-only events the record was calculated from.
update attendance_record r set gap_count = (
    select count(*) from presence_event e, patient p, group_session s
    where p.id = r.patient_id and e.subject = p.idp_subject and e.session_id = r.session_id
      and e.room_role = 'PATIENT' and e.kind = 'RESUMED' and s.id = r.session_id
      and e.occurred_at > s.starts_at and e.occurred_at <= coalesce(s.ended_at, s.ends_at));

-- A record signed LATE or LEFT_EARLY (or amended to it) keeps that word as its flag, whatever the thresholds are now;
-- the others are flagged by the figures against their program's thresholds.
update attendance_record r set late_flagged = true
where r.late_minutes is not null and (r.original_status = 'LATE' or r.current_status = 'LATE'
    or r.late_minutes > (select p.late_after_minutes from group_session s, therapy_group g, program p
                         where s.id = r.session_id and g.id = s.group_id and p.id = g.program_id));
update attendance_record r set left_early_flagged = true
where r.left_early_minutes is not null and (r.original_status = 'LEFT_EARLY' or r.current_status = 'LEFT_EARLY'
    or r.left_early_minutes > (select p.early_leave_minutes from group_session s, therapy_group g, program p
                               where s.id = r.session_id and g.id = s.group_id and p.id = g.program_id));

-- Every status word V11_1 rewrites, kept as it was: the ledger's history loses no word. LATE and LEFT_EARLY meant
-- "credited, and late" and "credited, and left early": credited stays as it was, the minutes do not change, the
-- lateness or early leave is now the flag set above, and the word itself stays readable here. So nothing is lost.
-- (A LATE or LEFT_EARLY that an amendment gave without credit becomes PARTIAL, the word for uncredited presence.)
create table attendance_status_before_v11 (
    row_id      uuid        not null,
    column_name varchar(64) not null,
    old_status  varchar(16) not null,
    new_status  varchar(16) not null,
    constraint pk_attendance_status_before_v11 primary key (row_id, column_name)
);
insert into attendance_status_before_v11 (row_id, column_name, old_status, new_status)
select id, 'attendance_record.original_status', original_status,
       case when original_credited then 'PRESENT' else 'PARTIAL' end
from attendance_record where original_status in ('LATE', 'LEFT_EARLY');
insert into attendance_status_before_v11 (row_id, column_name, old_status, new_status)
select id, 'attendance_record.current_status', current_status,
       case when current_credited then 'PRESENT' else 'PARTIAL' end
from attendance_record where current_status in ('LATE', 'LEFT_EARLY');
insert into attendance_status_before_v11 (row_id, column_name, old_status, new_status)
select id, 'attendance_amendment.before_status', before_status,
       case when before_credited then 'PRESENT' else 'PARTIAL' end
from attendance_amendment where before_status in ('LATE', 'LEFT_EARLY');
insert into attendance_status_before_v11 (row_id, column_name, old_status, new_status)
select id, 'attendance_amendment.after_status', after_status,
       case when after_credited then 'PRESENT' else 'PARTIAL' end
from attendance_amendment where after_status in ('LATE', 'LEFT_EARLY');
-- The rewrite itself is V11_1 in db/vendor: on PostgreSQL the ledger's append-only triggers (V5_1) must step aside
-- for it, which only PostgreSQL can say. V11_2 then allows the new statuses only.
