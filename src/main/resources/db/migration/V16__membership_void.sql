-- A membership entered in error (the wrong patient, the wrong group) is voided with a reason, not deleted and not
-- end-dated: ending says the patient belonged until a day, voiding says they never did, so no roster, attendance
-- sheet or progress counts it on any day. The row stays, with who voided it, when and why.
alter table membership add column voided_at timestamp with time zone;
alter table membership add column voided_by varchar(255);
alter table membership add column void_reason varchar(500);
-- All three or none: a void without its author or reason would be a silent change to the record.
alter table membership add constraint ck_membership_voided check (
    (voided_at is null and voided_by is null and void_reason is null)
    or (voided_at is not null and voided_by is not null and void_reason is not null));
