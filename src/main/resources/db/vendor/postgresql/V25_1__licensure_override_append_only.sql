-- PostgreSQL only: an admission outside licensure is documentation; the database refuses to change or remove it.
create trigger licensure_override_append_only before update or delete on licensure_override
    for each row execute function attendance_refuse_change();
