package care.mend.room;

import java.util.UUID;

/**
 * How the room names one person, from the plan (by subject), never from the order people arrived in: so a name
 * stays the same across a reload, a resume and a seat taken over from another device.
 *
 * <p>Two audiences. Everyone sees {@code name}: a patient's chosen name (a first name or one they picked), a staff
 * member's display name. Facilitators also see, for a patient, the record's name and id, so that their page can
 * open the record; a patient never sees another patient's record ({@link #forGroup()}). The room decides which one
 * a recipient gets, in one place ({@code Room.snapshotFor}).
 *
 * <p>{@link #toString()} leaves the names out: a view that reaches a log line must not carry them.
 *
 * @param name       what the group sees; null only when the plan named nobody (tests and load harnesses)
 * @param recordName the patient record's display name; null for staff and in {@link #forGroup()}
 * @param patientId  the patient record; null for staff and in {@link #forGroup()}
 */
public record ParticipantName(String name, String recordName, UUID patientId) {

    /** For a subject the plan does not name. */
    public static final ParticipantName NONE = new ParticipantName(null, null, null);

    /** A staff member: their display name, and no record to link. */
    public static ParticipantName staff(String displayName) {
        return new ParticipantName(displayName, null, null);
    }

    /** A patient: the chosen name for the group, the record's name and id for facilitators. */
    public static ParticipantName patient(String chosenName, String recordName, UUID patientId) {
        return new ParticipantName(chosenName, recordName, patientId);
    }

    /** The name without the record: what a patient may see of anyone. */
    public ParticipantName forGroup() {
        return recordName == null && patientId == null ? this : new ParticipantName(name, null, null);
    }

    @Override
    public String toString() {
        return "ParticipantName[" + (name == null ? "none" : "named") + (patientId == null ? "" : ", with record")
                + "]";
    }
}
