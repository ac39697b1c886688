-- PostgreSQL only: the record of a reminder sent is kept as written; the database refuses to change or remove it.
create trigger sent_reminder_append_only before update or delete on sent_reminder
    for each row execute function attendance_refuse_change();
create trigger sent_reminder_no_truncate before truncate on sent_reminder
    for each statement execute function attendance_refuse_change();
