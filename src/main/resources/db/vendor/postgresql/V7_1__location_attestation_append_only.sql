-- PostgreSQL only: a patient's stated location is documentation; the database refuses to change or remove it.
create trigger location_attestation_append_only before update or delete on location_attestation
    for each row execute function attendance_refuse_change();

-- The signed location of a record is as immutable as its original figures.
create function attendance_record_keep_location() returns trigger language plpgsql as $$
begin
    if new.attested_location is distinct from old.attested_location then
        raise exception 'attendance_record attested location is immutable' using errcode = 'insufficient_privilege';
    end if;
    return new;
end;
$$;

create trigger attendance_record_location_immutable before update on attendance_record
    for each row execute function attendance_record_keep_location();
