-- PostgreSQL only: a check-in is what the patient said, kept as said; the database refuses to change or remove it.
create trigger check_in_append_only before update or delete on check_in
    for each row execute function attendance_refuse_change();
create trigger check_in_no_truncate before truncate on check_in
    for each statement execute function attendance_refuse_change();
