-- After V11_1's rewrite no record or amendment says LATE or LEFT_EARLY: they are flags now (V11). Only the statuses
-- a signed record can have are allowed from here on (NOT_HELD is never signed: no record is written for it).
alter table attendance_record drop constraint ck_attendance_record_status;
alter table attendance_record add constraint ck_attendance_record_status check (
    original_status in ('PRESENT', 'PARTIAL', 'ABSENT', 'EXCUSED')
    and current_status in ('PRESENT', 'PARTIAL', 'ABSENT', 'EXCUSED'));
alter table attendance_amendment add constraint ck_attendance_amendment_status check (
    before_status in ('PRESENT', 'PARTIAL', 'ABSENT', 'EXCUSED')
    and after_status in ('PRESENT', 'PARTIAL', 'ABSENT', 'EXCUSED'));
