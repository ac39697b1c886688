-- Attendance thresholds are program settings: late after N minutes, leaving early more than N minutes before the
-- end, and the share of scheduled minutes that earns credit. Existing programs get the defaults.
alter table program add column late_after_minutes integer default 15 not null;
alter table program add column early_leave_minutes integer default 15 not null;
alter table program add column credit_percent integer default 75 not null;
alter table program add constraint ck_program_late_after check (late_after_minutes between 0 and 60);
alter table program add constraint ck_program_early_leave check (early_leave_minutes between 0 and 60);
alter table program add constraint ck_program_credit_percent check (credit_percent between 50 and 100);
