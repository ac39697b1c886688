-- A patient's own audio-only choice is a presence event too (MEDIA_CHOSEN, its modality the choice), beside what the
-- media server saw flowing (MODALITY_CHANGED): a record then shows both. Widens the kind check; no row changes.
alter table presence_event drop constraint ck_presence_event_kind;
alter table presence_event add constraint ck_presence_event_kind check (kind in
    ('ADMITTED', 'LEFT', 'CONNECTION_LOST', 'RESUMED', 'MODALITY_CHANGED', 'SESSION_ENDED', 'MEDIA_CHOSEN'));
