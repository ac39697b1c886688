/**
 * The media port: what the live room needs from a media server, in our own types only. A long-lived
 * {@link care.mend.media.MediaServer} hands out one {@link care.mend.media.MediaRoom} (a pipeline) per live room;
 * participants publish one stream each and subscribe to the streams of others, trickling ICE candidates both ways.
 *
 * <p>Every call is asynchronous ({@link java.util.concurrent.CompletionStage}) and must not block its caller.
 * Nothing here imports a media server's client library: the adapter that speaks to Kurento lives in its own package
 * (the only one that imports {@code org.kurento.*}), and a fake serves the unit tests. SDP and ICE candidates carry
 * network addresses of patients' devices: their {@code toString()} never prints them.
 */
package care.mend.media;
