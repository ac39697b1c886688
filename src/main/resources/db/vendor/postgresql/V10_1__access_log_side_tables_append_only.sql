-- PostgreSQL only: the access log's side tables (V10) are as append-only as the log (V2_1), whoever asks.
create function access_audit_side_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception '% is append-only', TG_TABLE_NAME using errcode = 'insufficient_privilege';
end;
$$;

create trigger access_audit_patient_append_only before update or delete on access_audit_patient
    for each row execute function access_audit_side_refuse_change();
create trigger access_audit_patient_no_truncate before truncate on access_audit_patient
    for each statement execute function access_audit_side_refuse_change();
create trigger access_audit_site_append_only before update or delete on access_audit_site
    for each row execute function access_audit_side_refuse_change();
create trigger access_audit_site_no_truncate before truncate on access_audit_site
    for each statement execute function access_audit_side_refuse_change();
