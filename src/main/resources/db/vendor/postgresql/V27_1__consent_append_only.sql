-- PostgreSQL only: a published consent text is what patients accepted, word for word, and a decision is what a patient
-- decided when: the database refuses to change or remove either (a new version is a new text; a withdrawal is a new
-- decision).
create trigger consent_text_immutable before update or delete on consent_text
    for each row execute function attendance_refuse_change();
create trigger consent_text_no_truncate before truncate on consent_text
    for each statement execute function attendance_refuse_change();
create trigger consent_decision_append_only before update or delete on consent_decision
    for each row execute function attendance_refuse_change();
create trigger consent_decision_no_truncate before truncate on consent_decision
    for each statement execute function attendance_refuse_change();
