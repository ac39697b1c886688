/**
 * Synthetic demonstration data for an empty database: one clinic, its staff, a program, eight pseudonymous patients
 * and their evening group with this week's sessions. Created through the application services, so every rule
 * applies. No real person's data, ever.
 */
package care.mend.schedule.demo;
