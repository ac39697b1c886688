package care.mend.attendance;

import java.time.Instant;
import java.util.UUID;

/**
 * That a session's attendance is signed, for a list of sessions (the facilitator's "Signed" and "Not held — signed
 * off"): when, and whether it was signed off as not held. No patient and no signer: a list of sessions carries
 * neither, so reading it is not an access to patient data.
 */
public record SignOffStateResponse(UUID sessionId, Instant signedAt, boolean notHeld) {

    static SignOffStateResponse from(AttendanceSignOff signOff) {
        return new SignOffStateResponse(signOff.sessionId(), signOff.signedAt(), signOff.isNotHeld());
    }
}
