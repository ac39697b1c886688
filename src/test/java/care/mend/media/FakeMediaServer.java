package care.mend.media;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * A media server in memory that counts what is alive, for the room's unit tests. Like the real one, it creates an
 * endpoint when the work completes, not when asked: in {@linkplain #manual() manual} mode the test decides when
 * ({@link #completeAll()}), so it can interleave leaves and ends with media work in flight. It also records what a
 * careless room would get wrong: candidates for endpoints that do not exist, and work on released rooms.
 */
public final class FakeMediaServer implements MediaServer {

    private final Map<String, FakeMediaRoom> rooms = new ConcurrentHashMap<>();
    private final Deque<Runnable> pending = new ArrayDeque<>();
    private volatile boolean manual;
    private volatile boolean failCreate;
    private int created;

    /** Media work completes only when the test says so. */
    public FakeMediaServer manual() {
        manual = true;
        return this;
    }

    /** The next room creations fail, as when the media server cannot be reached. */
    public void failCreate(boolean fail) {
        failCreate = fail;
    }

    @Override
    public CompletionStage<MediaRoom> createRoom(String roomId, MediaRoomListener listener) {
        return later(() -> {
            if (failCreate) {
                throw new IllegalStateException("media server unreachable");
            }
            FakeMediaRoom room = new FakeMediaRoom(roomId, listener);
            synchronized (this) {
                created++;
                FakeMediaRoom previous = rooms.put(roomId, room);
                if (previous != null && !previous.released) {
                    room.problems.add("a second live media room for " + roomId);
                }
            }
            return room;
        });
    }

    /** Completes pending media work, oldest first, until none is left (completions may start more). */
    public void completeAll() {
        Runnable next;
        while ((next = poll()) != null) {
            next.run();
        }
    }

    /** Completes only the oldest piece of pending media work. */
    public boolean completeOne() {
        Runnable next = poll();
        if (next != null) {
            next.run();
        }
        return next != null;
    }

    private synchronized Runnable poll() {
        return pending.pollFirst();
    }

    public synchronized int pendingWork() {
        return pending.size();
    }

    public synchronized int roomsCreated() {
        return created;
    }

    public synchronized int liveRooms() {
        return (int) rooms.values().stream().filter(r -> !r.released).count();
    }

    public synchronized int liveEndpoints() {
        return rooms.values().stream().mapToInt(r -> r.endpoints.size()).sum();
    }

    /** Pipelines and endpoints not released. */
    public int liveObjects() {
        return liveRooms() + liveEndpoints();
    }

    /** Everything the rooms did wrong, across all media rooms. */
    public synchronized List<String> problems() {
        List<String> all = new ArrayList<>();
        rooms.values().forEach(r -> all.addAll(r.problems));
        return all;
    }

    public FakeMediaRoom room(String roomId) {
        return rooms.get(roomId);
    }

    private <T> CompletionStage<T> later(Supplier<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Runnable run = () -> {
            T value;
            try {
                value = work.get();
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
                return;
            }
            result.complete(value);
        };
        if (manual) {
            synchronized (this) {
                pending.addLast(run);
            }
        } else {
            run.run();
        }
        return result;
    }

    /** One pipeline. Endpoints are named by {@link MediaEndpointRef}. */
    public final class FakeMediaRoom implements MediaRoom {

        private final String roomId;
        private final MediaRoomListener listener;
        final Set<MediaEndpointRef> endpoints = new LinkedHashSet<>();
        final List<String> problems = new ArrayList<>();
        private final List<String> releases = new ArrayList<>();
        private final Map<MediaEndpointRef, List<IceCandidate>> candidates = new ConcurrentHashMap<>();
        private int refusedCandidates;
        volatile boolean released;

        FakeMediaRoom(String roomId, MediaRoomListener listener) {
            this.roomId = roomId;
            this.listener = listener;
        }

        @Override
        public String roomId() {
            return roomId;
        }

        @Override
        public CompletionStage<SdpAnswer> publish(String participantId, SdpOffer offer, MediaModality modality) {
            return later(() -> {
                synchronized (FakeMediaServer.this) {
                    if (released) {
                        throw new IllegalStateException("pipeline released");
                    }
                    endpoints.add(MediaEndpointRef.publisher(participantId));
                }
                return new SdpAnswer("v=0 answer for " + participantId);
            });
        }

        @Override
        public CompletionStage<SdpAnswer> subscribe(String subscriberId, String publisherId, SdpOffer offer) {
            return later(() -> {
                synchronized (FakeMediaServer.this) {
                    if (released) {
                        throw new IllegalStateException("pipeline released");
                    }
                    if (!endpoints.contains(MediaEndpointRef.publisher(publisherId))) {
                        throw new IllegalStateException("no such publisher");
                    }
                    endpoints.add(MediaEndpointRef.subscriber(subscriberId, publisherId));
                }
                return new SdpAnswer("v=0 answer for " + subscriberId + " from " + publisherId);
            });
        }

        @Override
        public CompletionStage<SdpAnswer> subscribeGrid(String subscriberId, SdpOffer offer) {
            return later(() -> {
                synchronized (FakeMediaServer.this) {
                    if (released) {
                        throw new IllegalStateException("pipeline released");
                    }
                    endpoints.add(MediaEndpointRef.grid(subscriberId));
                }
                return new SdpAnswer("v=0 grid answer for " + subscriberId);
            });
        }

        @Override
        public CompletionStage<Void> unsubscribe(String subscriberId, String publisherId) {
            synchronized (FakeMediaServer.this) {
                releaseEndpoint(MediaEndpointRef.subscriber(subscriberId, publisherId));
            }
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletionStage<Void> addIceCandidate(MediaEndpointRef endpoint, IceCandidate candidate) {
            synchronized (FakeMediaServer.this) {
                if (released || !endpoints.contains(endpoint)) {
                    refusedCandidates++;
                    return CompletableFuture.failedFuture(new IllegalStateException("no such endpoint"));
                }
                candidates.computeIfAbsent(endpoint, e -> new ArrayList<>()).add(candidate);
            }
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletionStage<Void> removeParticipant(String participantId) {
            synchronized (FakeMediaServer.this) {
                for (MediaEndpointRef e : List.copyOf(endpoints)) {
                    if (!e.isPublisher() && e.involves(participantId)) {
                        releaseEndpoint(e);
                    }
                }
                releaseEndpoint(MediaEndpointRef.publisher(participantId));
            }
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletionStage<Void> release() {
            synchronized (FakeMediaServer.this) {
                if (released) {
                    return CompletableFuture.completedFuture(null);
                }
                for (MediaEndpointRef e : List.copyOf(endpoints)) {
                    if (!e.isPublisher()) {
                        releaseEndpoint(e);
                    }
                }
                for (MediaEndpointRef e : List.copyOf(endpoints)) {
                    releaseEndpoint(e);
                }
                released = true;
                releases.add("pipeline");
            }
            return CompletableFuture.completedFuture(null);
        }

        private void releaseEndpoint(MediaEndpointRef endpoint) {
            if (!endpoints.remove(endpoint)) {
                return;
            }
            if (endpoint.isPublisher() && endpoints.stream().anyMatch(
                    e -> !e.isPublisher() && e.publisherId().equals(endpoint.publisherId()))) {
                problems.add("a publisher released before its subscribers");
            }
            releases.add(endpoint.isPublisher() ? "publisher " + endpoint.ownerId()
                    : "subscriber " + endpoint.ownerId() + "<-" + endpoint.publisherId());
        }

        /** The media server gathered a candidate for one of its endpoints. */
        public void gather(MediaEndpointRef endpoint, IceCandidate candidate) {
            listener.iceCandidateFound(endpoint, candidate);
        }

        /** The media server saw the participant's media change. */
        public void flow(String participantId, MediaModality modality) {
            listener.mediaFlowChanged(participantId, modality);
        }

        /** The media server dies: every endpoint is gone (nothing to release), and the room is told. */
        public void interrupt() {
            synchronized (FakeMediaServer.this) {
                endpoints.clear();
            }
            listener.mediaInterrupted();
        }

        /** A media server is back. */
        public void restore() {
            listener.mediaRestored();
        }

        public boolean hasEndpoint(MediaEndpointRef endpoint) {
            synchronized (FakeMediaServer.this) {
                return endpoints.contains(endpoint);
            }
        }

        public List<IceCandidate> candidatesOf(MediaEndpointRef endpoint) {
            synchronized (FakeMediaServer.this) {
                return List.copyOf(candidates.getOrDefault(endpoint, List.of()));
            }
        }

        public int refusedCandidates() {
            synchronized (FakeMediaServer.this) {
                return refusedCandidates;
            }
        }

        public boolean isReleased() {
            return released;
        }

        /** Release events in order: "subscriber a<-b", "publisher b", "pipeline". */
        public List<String> releases() {
            synchronized (FakeMediaServer.this) {
                return List.copyOf(releases);
            }
        }
    }
}
