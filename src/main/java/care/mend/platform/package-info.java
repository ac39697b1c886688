/**
 * What every capability stands on: the JAX-RS application, error mapping to RFC 9457 problem details, paging,
 * configuration, health checks and schema migrations. No clinical rules live here.
 */
package care.mend.platform;
