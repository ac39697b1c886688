/** MicroProfile Health checks: what makes Mend live and ready ({@code /health/live}, {@code /health/ready}). */
package care.mend.platform.health;
