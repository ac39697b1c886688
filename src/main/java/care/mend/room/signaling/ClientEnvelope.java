package care.mend.room.signaling;

/**
 * The members every client message carries, read before anything else: its {@code type} and the optional
 * {@code requestId} that the reply echoes. Other members are ignored at this stage.
 */
public record ClientEnvelope(String type, String requestId) {
}
