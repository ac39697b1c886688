-- PostgreSQL only: presence events are clinical and billing evidence; the database refuses to change them.
create function presence_event_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'presence_event is append-only' using errcode = 'insufficient_privilege';
end;
$$;

create trigger presence_event_append_only
    before update or delete on presence_event
    for each row execute function presence_event_refuse_change();

create trigger presence_event_no_truncate
    before truncate on presence_event
    for each statement execute function presence_event_refuse_change();
