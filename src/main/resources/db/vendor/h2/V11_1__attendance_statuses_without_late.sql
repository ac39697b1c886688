-- H2: LATE and LEFT_EARLY become PRESENT (PARTIAL when not credited), as V11 explains and records
-- (attendance_status_before_v11). H2 has no append-only triggers to step aside (see README.md). Keep in step with
-- db/vendor/postgresql/V11_1.
update attendance_record set original_status = case when original_credited then 'PRESENT' else 'PARTIAL' end
where original_status in ('LATE', 'LEFT_EARLY');
update attendance_record set current_status = case when current_credited then 'PRESENT' else 'PARTIAL' end
where current_status in ('LATE', 'LEFT_EARLY');
update attendance_amendment set before_status = case when before_credited then 'PRESENT' else 'PARTIAL' end
where before_status in ('LATE', 'LEFT_EARLY');
update attendance_amendment set after_status = case when after_credited then 'PRESENT' else 'PARTIAL' end
where after_status in ('LATE', 'LEFT_EARLY');
