/**
 * How the API reads request bodies: at most {@code mend.api.max-body-size} bytes ({@link BodySizeLimit}), refused
 * with a problem document that names the limit.
 */
package care.mend.platform.body;
