-- PostgreSQL: LATE and LEFT_EARLY become PRESENT (PARTIAL when not credited), in the records' original and current
-- status and in the amendments' before and after, as V11 explains and records (attendance_status_before_v11). The
-- ledger refuses such changes by trigger (V5_1); they step aside for this one rewrite, in this migration's
-- transaction, and are back before it commits. Keep in step with db/vendor/h2/V11_1.
alter table attendance_record disable trigger attendance_record_original_immutable;
alter table attendance_amendment disable trigger attendance_amendment_append_only;

update attendance_record set original_status = case when original_credited then 'PRESENT' else 'PARTIAL' end
where original_status in ('LATE', 'LEFT_EARLY');
update attendance_record set current_status = case when current_credited then 'PRESENT' else 'PARTIAL' end
where current_status in ('LATE', 'LEFT_EARLY');
update attendance_amendment set before_status = case when before_credited then 'PRESENT' else 'PARTIAL' end
where before_status in ('LATE', 'LEFT_EARLY');
update attendance_amendment set after_status = case when after_credited then 'PRESENT' else 'PARTIAL' end
where after_status in ('LATE', 'LEFT_EARLY');

alter table attendance_record enable trigger attendance_record_original_immutable;
alter table attendance_amendment enable trigger attendance_amendment_append_only;

-- The figures measured at sign-off (the flags' among them) are as immutable as the original status: only the
-- current_* columns change, and only through amendments.
create or replace function attendance_record_keep_original() returns trigger language plpgsql as $$
begin
    if new.original_status <> old.original_status or new.original_minutes <> old.original_minutes
            or new.original_credited <> old.original_credited or new.session_id <> old.session_id
            or new.patient_id <> old.patient_id or new.minutes_audio_video <> old.minutes_audio_video
            or new.minutes_audio_only <> old.minutes_audio_only or new.minutes_no_media <> old.minutes_no_media
            or new.gap_minutes <> old.gap_minutes or new.gap_count <> old.gap_count
            or new.late_minutes is distinct from old.late_minutes or new.late_flagged <> old.late_flagged
            or new.left_early_minutes is distinct from old.left_early_minutes
            or new.left_early_flagged <> old.left_early_flagged
            or new.first_admitted is distinct from old.first_admitted
            or new.last_left is distinct from old.last_left then
        raise exception 'attendance_record original figures are immutable' using errcode = 'insufficient_privilege';
    end if;
    return new;
end;
$$;

-- The words kept are part of the ledger's history: append-only like it.
create trigger attendance_status_before_v11_append_only before update or delete on attendance_status_before_v11
    for each row execute function attendance_refuse_change();
