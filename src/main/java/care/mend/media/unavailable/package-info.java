/**
 * The media server Mend runs with until the Kurento adapter lands: rooms open and run (waiting room, controls,
 * attendance), but every attempt to send or receive audio and video is refused, so the room answers
 * {@code MEDIA_UNAVAILABLE}. It never fakes an SDP answer: a browser given a made-up answer would try to connect to
 * nothing and report a media failure that is ours. Plain Java, no infrastructure.
 */
package care.mend.media.unavailable;
