/**
 * The facilitator's safety panel: for one patient of a live session, where they said they are (the free text and
 * the state or country they picked, and whether it is outside the facilitators' licensed states), whom to call
 * (the patient record's emergency contact), and what the clinic says to do in a crisis (the site's instructions, or
 * the US default: 988 and 911). Read by REST when the panel opens, never pushed; every opening is one row of the
 * access log ({@link care.mend.security.AuditAction#READ_SAFETY}); nothing of it is logged.
 */
package care.mend.safety;
