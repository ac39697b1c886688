package care.mend.attendance;

/**
 * The rule for a patient's stated location: free text as the patient typed it ("home", "my sister's in Mattoon"),
 * trimmed, 1 to 200 characters, one line, no control characters. Shared by the signaling message that carries it and
 * the record that keeps it, so the two cannot disagree.
 */
public final class AttestedLocation {

    private AttestedLocation() {
    }

    /** The location trimmed, or an {@link IllegalArgumentException} saying which rule it breaks (not its text). */
    public static String checked(String location) {
        if (location == null) {
            throw new IllegalArgumentException("location is required");
        }
        String trimmed = location.strip();
        if (trimmed.isEmpty() || trimmed.length() > LocationAttestation.LOCATION_MAX) {
            throw new IllegalArgumentException("location is 1 to " + LocationAttestation.LOCATION_MAX
                    + " characters");
        }
        if (trimmed.codePoints().anyMatch(c -> Character.isISOControl(c) || c == 0x2028 || c == 0x2029)) {
            throw new IllegalArgumentException("location is one line of text");
        }
        return trimmed;
    }
}
