/**
 * What every capability stands on: the JAX-RS application, error mapping to RFC 9457 problem details, paging,
 * configuration, health checks, schema migrations, how request bodies are read ({@code body}) and the
 * {@link care.mend.platform.PlainText} constraint of request text. No clinical rules live here.
 */
package care.mend.platform;
