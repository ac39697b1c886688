/**
 * Attendance: the presence events the live rooms publish (admitted, left, connection lost, resumed, modality
 * changed, session ended), stored append-only with server timestamps and an idempotency key, so that a replayed
 * event is harmless and none is lost. The ledger, credit rules, sign-off and reports build on them; a correction of the
 * signed ledger is an amendment, held to the sign-off's rules ({@link care.mend.attendance.AmendmentRules}).
 */
package care.mend.attendance;
