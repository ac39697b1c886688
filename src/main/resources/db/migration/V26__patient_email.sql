-- The patient's e-mail address (Mend issue #16): where the identity provider sends the invitation to set a password,
-- and where reminders go. Optional: patients registered before V26, or without an address, have none. 254 characters
-- is RFC 5321's limit on a forward path. Not unique: two records (say, a parent's address for two teenagers) may share
-- one; the identity provider links a login by address and refuses a second account with it.
alter table patient add column email varchar(254);
