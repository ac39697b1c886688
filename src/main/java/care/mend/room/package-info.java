/**
 * Live rooms: the live form of a scheduled group session, in plain Java. A {@link care.mend.room.RoomRegistry} holds
 * one {@link care.mend.room.Room} per session; a room runs the waiting room, seats (12 patients, 2 facilitators),
 * facilitator controls, participants' own choices, reconnection within a grace period, and the room's use of the
 * media port ({@link care.mend.media}).
 *
 * <p>There is no Jakarta EE, JSON, socket or database code here. Signaling calls the registry and the rooms; rooms
 * answer with {@link java.util.concurrent.CompletionStage}s and speak outward only through ports that must not block:
 * {@link care.mend.room.RoomNotifier} (events for participants), {@link care.mend.room.PresenceEventPublisher} (the
 * attendance ledger) and {@link care.mend.room.SessionLifecycleListener} (the session went live or ended). Each room
 * serialises its own state changes on a shared executor; see {@link care.mend.room.Room} for the rules and the
 * concurrency model. Refusals carry a stable {@link care.mend.room.RoomErrorCode}.
 *
 * <p>Log lines start with {@code MEND-ROOM}; at INFO and above they carry no names, subjects, ids, tokens or SDP.
 */
package care.mend.room;
