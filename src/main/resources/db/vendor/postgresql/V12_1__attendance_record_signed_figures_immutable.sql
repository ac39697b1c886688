-- PostgreSQL only: with V12 a record has current figures beside every signed one, so all the signed figures are
-- immutable now, not only the original status, minutes, credit (V5_1) and the figures V11_1 guards: the split by
-- modality, the gaps, the flags, the times, the scheduled minutes, the explanation and the attested location stay as
-- the facilitator signed them. This replaces V11_1's definition, so it keeps every column that one guards.
create or replace function attendance_record_keep_original() returns trigger language plpgsql as $$
begin
    if new.original_status is distinct from old.original_status
            or new.original_minutes is distinct from old.original_minutes
            or new.original_credited is distinct from old.original_credited
            or new.session_id is distinct from old.session_id
            or new.patient_id is distinct from old.patient_id
            or new.minutes_audio_video is distinct from old.minutes_audio_video
            or new.minutes_audio_only is distinct from old.minutes_audio_only
            or new.minutes_no_media is distinct from old.minutes_no_media
            or new.gap_minutes is distinct from old.gap_minutes
            or new.gap_count is distinct from old.gap_count
            or new.late_minutes is distinct from old.late_minutes
            or new.late_flagged is distinct from old.late_flagged
            or new.left_early_minutes is distinct from old.left_early_minutes
            or new.left_early_flagged is distinct from old.left_early_flagged
            or new.first_admitted is distinct from old.first_admitted
            or new.last_left is distinct from old.last_left
            or new.scheduled_minutes is distinct from old.scheduled_minutes
            or new.explanation is distinct from old.explanation
            or new.attested_location is distinct from old.attested_location
            or new.created_at is distinct from old.created_at then
        raise exception 'attendance_record original figures are immutable' using errcode = 'insufficient_privilege';
    end if;
    return new;
end;
$$;
