/**
 * Who is calling, and may they: the current user as the identity provider vouches for them (subject and realm
 * roles, never a name), the one {@link care.mend.security.AccessPolicy} that REST, signaling and reports ask,
 * and the append-only access audit log of every read of a patient's records, allowed or denied.
 */
package care.mend.security;
