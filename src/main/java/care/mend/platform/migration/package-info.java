/**
 * Flyway owns the database schema: versioned SQL migrations in {@code db/migration}, written to run unchanged on
 * H2 (the zero-setup default) and PostgreSQL (production), applied when the application deploys.
 */
package care.mend.platform.migration;
