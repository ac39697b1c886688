package care.mend.room.signaling;

import care.mend.room.RoomPlan;
import care.mend.security.CurrentUser;
import java.util.UUID;

/**
 * Reads what a join needs from the database, after checking that the caller may join: the session and its roster
 * on its day ({@link care.mend.schedule.SessionRoster}, the same roster the caller was checked against). May block
 * (it reads the database): called on a worker, never on the WebSocket container's thread.
 */
@FunctionalInterface
public interface RoomPlans {

    /**
     * The plan for the caller to join the session's room now. A patient of the session who states where they are
     * has the statement recorded, whether or not the room then seats them: it is what they said, when they said it.
     *
     * @param attestedLocation where the caller says they are, already checked; null when not given
     * @throws Refusal when there is no such session, it was cancelled or ended, or the caller may not join it
     */
    RoomPlan planFor(CurrentUser caller, UUID sessionId, String attestedLocation);

    /**
     * The same, with the jurisdiction the patient picked beside the location (null: none): recorded with it, and the
     * plan flags the patients outside licensure ({@link RoomPlan.RosterEntry#outsideLicensure()}). Plans that know no
     * jurisdictions (test fakes) ignore it.
     */
    default RoomPlan planFor(CurrentUser caller, UUID sessionId, String attestedLocation,
                             care.mend.program.Jurisdiction jurisdiction) {
        return planFor(caller, sessionId, attestedLocation);
    }

    /** A join refused before the room was asked, with the code the client gets. */
    final class Refusal extends RuntimeException {

        private final SignalingErrorCode code;

        public Refusal(SignalingErrorCode code) {
            super(code.name(), null, false, false);
            this.code = code;
        }

        public SignalingErrorCode code() {
            return code;
        }
    }
}
