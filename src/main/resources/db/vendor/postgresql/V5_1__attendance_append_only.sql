-- PostgreSQL only: sign-offs and amendments are never changed or removed; records are never removed (their current_*
-- columns change only through amendments, their original_* columns never).
create function attendance_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception '% is append-only', TG_TABLE_NAME using errcode = 'insufficient_privilege';
end;
$$;

create trigger attendance_sign_off_append_only before update or delete on attendance_sign_off
    for each row execute function attendance_refuse_change();
create trigger attendance_amendment_append_only before update or delete on attendance_amendment
    for each row execute function attendance_refuse_change();
create trigger attendance_record_no_delete before delete on attendance_record
    for each row execute function attendance_refuse_change();

create function attendance_record_keep_original() returns trigger language plpgsql as $$
begin
    if new.original_status <> old.original_status or new.original_minutes <> old.original_minutes
            or new.original_credited <> old.original_credited or new.session_id <> old.session_id
            or new.patient_id <> old.patient_id then
        raise exception 'attendance_record original figures are immutable' using errcode = 'insufficient_privilege';
    end if;
    return new;
end;
$$;

create trigger attendance_record_original_immutable before update on attendance_record
    for each row execute function attendance_record_keep_original();
