-- PostgreSQL only: a voided membership is final. Nothing changes it afterwards (not its dates, not the void), and no
-- membership row is ever deleted: rosters of the past are computed from these rows.
create or replace function membership_keep_voided() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        raise exception 'membership rows are never deleted' using errcode = 'insufficient_privilege';
    end if;
    if old.voided_at is not null then
        raise exception 'a voided membership is final' using errcode = 'insufficient_privilege';
    end if;
    return new;
end;
$$;
create trigger membership_keep_voided before update or delete on membership
    for each row execute function membership_keep_voided();
