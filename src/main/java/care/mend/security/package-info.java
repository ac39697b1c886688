/**
 * Who is calling, and may they: the current user as the identity provider vouches for them (subject and realm
 * roles, never a name), the one {@link care.mend.security.AccessPolicy} that REST, signaling and reports ask
 * ({@link care.mend.security.AccessFilter} asks it first on every REST request, by the rule each resource method
 * names, before anything the caller sent is read), and the append-only access audit log: one row per read or export
 * of patient data, sign-off and amendment, allowed or denied, and per refused change of patient data, naming people
 * and patients by record id ({@link care.mend.security.AccessLogReader} resolves their names when the log is read).
 */
package care.mend.security;
