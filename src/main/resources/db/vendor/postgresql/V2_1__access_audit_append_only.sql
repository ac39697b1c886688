-- PostgreSQL only: the database itself refuses to change or remove access-log rows, whoever asks.
create function access_audit_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'access_audit is append-only' using errcode = 'insufficient_privilege';
end;
$$;

create trigger access_audit_append_only
    before update or delete on access_audit
    for each row execute function access_audit_refuse_change();

create trigger access_audit_no_truncate
    before truncate on access_audit
    for each statement execute function access_audit_refuse_change();
