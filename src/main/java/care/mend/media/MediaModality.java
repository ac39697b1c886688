package care.mend.media;

/** What a participant sends, as the attendance ledger records it. */
public enum MediaModality {
    /** Audio and video. */
    AUDIO_VIDEO,
    /** Audio only: video off by choice or for bandwidth. */
    AUDIO_ONLY,
    /** Connected to the room but no media flowing (not yet published, or the media server sees none). */
    NONE
}
