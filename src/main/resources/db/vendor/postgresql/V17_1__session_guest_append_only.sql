-- PostgreSQL only: a make-up guest is part of the session's roster, which attendance and progress stand on; the
-- database refuses to change or remove one (a guest added by mistake is a later issue: a void with a reason, never
-- a delete).
create trigger session_guest_append_only before update or delete on session_guest
    for each row execute function attendance_refuse_change();
