/**
 * Attendance: the presence events the live rooms publish (admitted, left, connection lost, resumed, modality
 * changed, session ended), stored append-only with server timestamps and an idempotency key, so that a replayed
 * event is harmless and none is lost. The ledger, credit rules, sign-off and reports build on them: a patient's
 * line has a status (a final word, once the session has ended; a live state until then) and flags beside it (late,
 * left early, reconnection gaps, audio-only share), both computed by {@code AttendanceCalculator} alone. A correction
 * of the signed ledger is an amendment, held to the sign-off's rules ({@link care.mend.attendance.AmendmentRules});
 * it leaves the flags as signed.
 */
package care.mend.attendance;
