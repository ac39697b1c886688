-- The name a patient is known by in the group (a first name, or one they pick), apart from the record's display
-- name: rooms show it to the other patients, and facilitators see both. Staff set it and the patient may change it.
alter table patient add column chosen_name varchar(100);
-- Patients registered before V14 get the first word of their display name (all of it when it has no space), the
-- same default Mend uses when staff register a patient without a chosen name. It fits: a display name is at most
-- 100 characters, stored stripped. Staff or the patient can change it afterwards; nothing else is rewritten.
update patient set chosen_name = case
    when position(' ' in display_name) > 0 then substring(display_name from 1 for position(' ' in display_name) - 1)
    else display_name end;
alter table patient alter column chosen_name set not null;
