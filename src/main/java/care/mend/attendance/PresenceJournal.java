package care.mend.attendance;

import care.mend.media.MediaModality;
import care.mend.room.ParticipantId;
import care.mend.room.PresenceEvent;
import care.mend.room.PresenceKind;
import care.mend.room.RoomRole;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * The presence writer's durable outbox: a file of events taken for storing and not yet known to be stored, one JSON
 * object a line, forced to disk before the database is tried. After a restart (even one in the middle of a database
 * outage) the writer replays the file first; the store skips idempotency keys it already has, so a replay is
 * harmless. The file is emptied whenever everything taken has been stored.
 *
 * <p>It holds identity-provider subjects, so it lives in the server's data directory, readable by its owner only.
 * Only the writer's thread (and, at shutdown, the closing thread once that one has stopped) touches it.
 */
public final class PresenceJournal {

    private static final Logger LOG = Logger.getLogger(PresenceJournal.class.getName());
    static final String FILE_NAME = "presence-outbox.jsonl";

    private final Path file;

    public PresenceJournal(Path directory) {
        try {
            Files.createDirectories(directory);
            this.file = directory.resolve(FILE_NAME);
            if (!Files.exists(file)) {
                Files.createFile(file);
                restrictToOwner(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the presence outbox directory " + directory + " is not writable", e);
        }
    }

    private static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the data directory's own permissions apply.
        }
    }

    /** Appends the events and forces them to disk. */
    public void append(List<PresenceEvent> events) throws IOException {
        StringBuilder lines = new StringBuilder();
        for (PresenceEvent event : events) {
            lines.append(toJson(event)).append('\n');
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            ByteBuffer bytes = ByteBuffer.wrap(lines.toString().getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            channel.force(false);
        }
    }

    /**
     * The events in the file, in order. A line that does not read (the process died while writing it, so it was
     * never acknowledged to anyone) is skipped with a warning.
     */
    public List<PresenceEvent> replay() throws IOException {
        List<PresenceEvent> events = new ArrayList<>();
        int unreadable = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            try {
                events.add(fromJson(line));
            } catch (JsonException | ClassCastException | NullPointerException | IllegalArgumentException
                     | java.time.DateTimeException e) {
                unreadable++;
            }
        }
        if (unreadable > 0) {
            LOG.warning("MEND-ATTENDANCE presence outbox: " + unreadable + " unreadable lines skipped");
        }
        return events;
    }

    /** Empties the file: everything in it has been stored. */
    public void clear() throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(0);
            channel.force(false);
        }
    }

    /** Whether the file holds anything. */
    public boolean isEmpty() throws IOException {
        return Files.size(file) == 0;
    }

    /** Made once: Json.createObjectBuilder() looks the provider up through the ServiceLoader on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    static String toJson(PresenceEvent e) {
        return JSON.createObjectBuilder()
                .add("sessionId", e.sessionId().toString())
                .add("participantId", e.participantId().value())
                .add("subject", e.subject())
                .add("role", e.role().name())
                .add("kind", e.kind().name())
                .add("modality", e.modality().name())
                .add("at", e.at().toString())
                .add("idempotencyKey", e.idempotencyKey())
                .build().toString();
    }

    static PresenceEvent fromJson(String line) {
        try (var reader = JSON.createReader(new StringReader(line))) {
            JsonObject o = reader.readObject();
            return new PresenceEvent(UUID.fromString(o.getString("sessionId")),
                    new ParticipantId(o.getString("participantId")), o.getString("subject"),
                    RoomRole.valueOf(o.getString("role")), PresenceKind.valueOf(o.getString("kind")),
                    MediaModality.valueOf(o.getString("modality")), Instant.parse(o.getString("at")),
                    o.getString("idempotencyKey"));
        }
    }
}
