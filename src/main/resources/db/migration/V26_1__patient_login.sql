-- Logins made from Mend (Mend issue #16): a patient registered with an e-mail address is stored first and linked to
-- the identity provider's user once Keycloak has made it, so the subject is absent until then (still unique: several
-- nulls are allowed by both databases). What became of the login is kept beside it: its state and, after a failed
-- attempt, why (see LoginState, LoginProblem). Patients registered before V26_1 were linked by subject by hand: ACTIVE.
alter table patient alter column idp_subject drop not null;
alter table patient add column login_state varchar(16) default 'ACTIVE' not null;
alter table patient add column login_problem varchar(32);
alter table patient add constraint ck_patient_login_state
    check (login_state in ('NONE', 'INVITED', 'ACTIVE', 'FAILED', 'DISABLED'));
alter table patient add constraint ck_patient_login_problem
    check (login_problem in ('IDP_UNAVAILABLE', 'EMAIL_NOT_SENT', 'EMAIL_TAKEN', 'IDP_REFUSED'));
-- A record without a subject has had no login made (NONE), is waiting for a retry (FAILED) or was disabled before
-- it was linked (DISABLED); a linked record may be in any state but NONE.
alter table patient add constraint ck_patient_login_linked
    check ((idp_subject is null and login_state in ('NONE', 'FAILED', 'DISABLED'))
        or (idp_subject is not null and login_state <> 'NONE'));
