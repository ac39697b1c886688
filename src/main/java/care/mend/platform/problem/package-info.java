/**
 * Errors as RFC 9457 {@code application/problem+json}: one enum of stable machine-readable codes, the exceptions
 * the domain throws, and the JAX-RS mappers that turn every failure, ours or the container's, into a problem
 * document. Clients branch on {@code code}; titles and details are for people. No stack trace ever leaves.
 */
package care.mend.platform.problem;
