-- Amendments are checked against the sign-off's rules and carry the minutes by modality. The record's current split
-- (audio-video, audio-only, no media) follows its latest amendment while minutes_audio_video, minutes_audio_only and
-- minutes_no_media stay as signed; its current explanation is rewritten from the amended figures while explanation
-- stays as signed. Existing records start with current = original: no amendment before this one stated a split.
alter table attendance_record add column current_minutes_audio_video integer;
alter table attendance_record add column current_minutes_audio_only integer;
alter table attendance_record add column current_minutes_no_media integer;
-- Longer than explanation: an amended one quotes the amendment's reason and a credit override's reason (500 each).
alter table attendance_record add column current_explanation varchar(1500);
update attendance_record set current_minutes_audio_video = minutes_audio_video,
    current_minutes_audio_only = minutes_audio_only, current_minutes_no_media = minutes_no_media,
    current_explanation = explanation;
alter table attendance_record alter column current_minutes_audio_video set not null;
alter table attendance_record alter column current_minutes_audio_only set not null;
alter table attendance_record alter column current_minutes_no_media set not null;
alter table attendance_record alter column current_explanation set not null;
alter table attendance_record add constraint ck_attendance_record_current_split check (
    current_minutes_audio_video >= 0 and current_minutes_audio_only >= 0 and current_minutes_no_media >= 0);

-- The split before and after each amendment. Null on amendments made before V12: they stated none, and the record's
-- split then stayed as signed whatever the minutes became.
alter table attendance_amendment add column before_minutes_audio_video integer;
alter table attendance_amendment add column before_minutes_audio_only integer;
alter table attendance_amendment add column before_minutes_no_media integer;
alter table attendance_amendment add column after_minutes_audio_video integer;
alter table attendance_amendment add column after_minutes_audio_only integer;
alter table attendance_amendment add column after_minutes_no_media integer;
-- Why the session is credited although its minutes are below the program's credit minutes; null when they are not.
alter table attendance_amendment add column credit_override_reason varchar(500);
