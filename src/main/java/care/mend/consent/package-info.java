/**
 * Telehealth consent and the group agreement: per program, versioned texts ({@link care.mend.consent.ConsentText},
 * never changed once published: a new version is a new row) that a patient accepts before joining a session's room,
 * again whenever a new version is published, and may withdraw ({@link care.mend.consent.ConsentDecision},
 * append-only, with the server's time, the version and who decided).
 *
 * <p>The rule of what a patient still has to accept is {@link care.mend.consent.ConsentRule} (plain Java): for each
 * kind ({@link care.mend.consent.ConsentKind}) the program's current text must exist and the patient's latest
 * decision for it must be an acceptance. A program without a published text of a kind has nothing a patient could
 * accept, so its patients cannot join until the clinic publishes one (the safer reading of the issue: no telehealth
 * without informed consent). The access policy asks it at every join ({@code AccessPolicy.requireJoinRoom});
 * {@link care.mend.consent.Consents} orchestrates; the resources translate HTTP. Staff are never asked.
 */
package care.mend.consent;
