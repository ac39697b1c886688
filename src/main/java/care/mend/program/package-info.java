/**
 * Programs and the people in them: clinic sites, pseudonymous patients, staff members, Intensive Outpatient
 * Programs, and enrollments with their dated status history.
 *
 * <p>The entities hold the rules (constructors check their inputs; state changes are domain verbs); the services
 * orchestrate them in transactions; the resources translate HTTP. Patients carry no clinical detail here: an
 * identity-provider subject, a display name and an emergency contact. Nothing clinical is ever deleted: records end
 * by a status change.
 */
package care.mend.program;
