package care.mend.room;

/**
 * How many participants a room (or all rooms) has in each state, for monitoring: waiting (connected, not admitted),
 * present (connected and seated), reconnecting (connection lost, seat or queue place held for the grace period). The
 * three never overlap. Counts only: nothing here tells who.
 */
public record RoomCensus(int waiting, int present, int reconnecting) {

    public static final RoomCensus EMPTY = new RoomCensus(0, 0, 0);

    public RoomCensus plus(RoomCensus other) {
        return new RoomCensus(waiting + other.waiting, present + other.present, reconnecting + other.reconnecting);
    }
}
