/**
 * The REST interface of consent: the patient's own texts and decisions ({@code /api/me/consents}), the admin's
 * versions per program ({@code /api/programs/{id}/consent-texts}), and staff's read of one patient's decisions
 * ({@code /api/patients/{id}/consents}). Thin: the access policy decides and writes the access log,
 * {@link care.mend.consent.Consents} does the work. Kept apart from the model so that the model does not depend on
 * the security package, which asks the model at every join.
 */
package care.mend.consent.web;
