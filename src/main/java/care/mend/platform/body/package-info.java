/**
 * How the API reads request bodies: at most {@code mend.api.max-body-size} bytes ({@link BodySizeLimit}), and JSON
 * only where every value has the JSON type its field declares ({@link StrictJsonReader}, {@link JsonShape}). Both
 * refuse with problem documents that name the limit or the field and never repeat what was sent.
 */
package care.mend.platform.body;
