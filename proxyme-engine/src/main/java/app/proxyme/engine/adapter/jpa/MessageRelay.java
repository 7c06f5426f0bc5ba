package app.proxyme.engine.adapter.jpa;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Carries a user's messages to the instances that hold that user's other connections, through the shared PostgreSQL
 * database: {@link #publish} inserts the message into {@code relayed_messages}, whose trigger announces its id on
 * {@value #CHANNEL} at commit; every other instance hears the id ({@link ChangeListener}), reads the row and hands it
 * to its receiver. One thread per instance reads and hands them on, in the order the publishing transactions
 * committed, so a user's messages from one instance arrive in the order they were published. Each message is handed
 * on once per instance: its own are skipped, and ids already handed on are remembered. When listening resumes after a
 * loss, the messages published meanwhile (up to {@link #CATCH_UP} before the loss) are read and handed on.
 */
public final class MessageRelay implements AutoCloseable {
    static final String CHANNEL = "proxyme_messages";
    /** How long relayed rows are kept for instances that catch up. */
    static final Duration KEPT = Duration.ofMinutes(5);
    /** On resuming, messages published this long before the loss was noticed are read again (duplicates skipped). */
    static final Duration CATCH_UP = Duration.ofSeconds(10);

    private static final System.Logger LOG = System.getLogger(MessageRelay.class.getName());
    private static final int REMEMBERED = 10_000;

    /** A message for {@code user}'s connections of {@code org}: in {@code meetingId} only, or ({@code null}) all. */
    public record Relayed(String org, String user, String meetingId, String body) {
        public Relayed {
            Objects.requireNonNull(org, "org");
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(body, "body");
        }
    }

    private final Tx tx;
    private final String instance;
    private final Clock clock;
    private final ExecutorService reader = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().daemon().name("message-relay").factory());
    private final AtomicLong lastPurge = new AtomicLong();
    /** Ids this instance handed on lately (read and written on the reader thread only). */
    private final Map<Long, Boolean> seen = new LinkedHashMap<>(1024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Boolean> eldest) {
            return size() > REMEMBERED;
        }
    };

    private volatile Consumer<Relayed> receiver = m -> {};
    private volatile long othersCheckedAt;
    private volatile boolean othersAlive;

    MessageRelay(Tx tx, String instance, Clock clock) {
        this.tx = tx;
        this.instance = instance;
        this.clock = clock;
    }

    /** Where the messages other instances publish go (on the relay's thread, one at a time). */
    public void deliverTo(Consumer<Relayed> receiver) {
        this.receiver = Objects.requireNonNull(receiver, "receiver");
    }

    /**
     * Publishes {@code m} to the other instances; durable (and announced) when this returns. Nothing is written while
     * no other instance says it is alive ({@code alive.<instance>} leases, read at most once a second): an instance
     * that starts meanwhile may miss what is published in its first second.
     */
    public void publish(Relayed m) {
        long now = clock.millis();
        if (!othersAlive(now)) {
            return;
        }
        tx.write(em -> em.createNativeQuery("INSERT INTO relayed_messages (origin, org, member,"
                        + " meeting_id, body, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
                .setParameter(1, instance)
                .setParameter(2, m.org())
                .setParameter(3, m.user())
                .setParameter(4, m.meetingId() == null ? "" : m.meetingId())
                .setParameter(5, m.body())
                .setParameter(6, now)
                .executeUpdate());
        long last = lastPurge.get();
        if (now - last > Duration.ofMinutes(1).toMillis() && lastPurge.compareAndSet(last, now)) {
            tx.run(em -> em.createNativeQuery("DELETE FROM relayed_messages WHERE created_at < ?1")
                    .setParameter(1, now - KEPT.toMillis())
                    .executeUpdate());
        }
    }

    /** Whether another instance renewed its {@code alive.} lease lately (asked at most once a second). */
    private boolean othersAlive(long now) {
        if (now - othersCheckedAt < 1000) {
            return othersAlive;
        }
        try {
            Number n = tx.read(em -> (Number) em.createNativeQuery("SELECT count(*) FROM leases WHERE name LIKE"
                            + " 'alive.%' AND holder <> ?1 AND expires_at >= ?2")
                    .setParameter(1, instance)
                    .setParameter(2, now)
                    .getSingleResult());
            othersAlive = n.longValue() > 0;
        } catch (RuntimeException e) {
            othersAlive = true; // unknown: publish, rather than lose a message
        }
        othersCheckedAt = now;
        return othersAlive;
    }

    /** The listener heard {@code payload} ({@code <origin>:<id>}) on {@value #CHANNEL}. */
    void heard(String payload) {
        int colon = payload == null ? -1 : payload.lastIndexOf(':');
        if (colon < 0 || payload.substring(0, colon).equals(instance)) {
            return; // this instance's own message
        }
        long id;
        try {
            id = Long.parseLong(payload.substring(colon + 1));
        } catch (NumberFormatException e) {
            return;
        }
        reader.execute(() -> {
            if (!seen.containsKey(id)) {
                handOn(read("id = ?1", id));
            }
        });
    }

    /** Listening resumed after it was lost at {@code lostAt}: hands on what was published meanwhile. */
    void resumed(Instant lostAt) {
        long since = lostAt.minus(CATCH_UP).toEpochMilli();
        reader.execute(() -> handOn(read("created_at >= ?1", since)));
    }

    private List<Object[]> read(String where, long value) {
        try {
            return tx.read(em -> em
                    .createNativeQuery("SELECT id, origin, org, member, meeting_id, body"
                            + " FROM relayed_messages WHERE " + where + " ORDER BY id")
                    .setParameter(1, value)
                    .getResultList()
                    .stream()
                    .map(r -> (Object[]) r)
                    .toList());
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot read relayed messages: " + e.getMessage());
            return List.of();
        }
    }

    private void handOn(List<Object[]> rows) {
        for (Object[] r : rows) {
            long id = ((Number) r[0]).longValue();
            if (seen.put(id, Boolean.TRUE) != null || instance.equals(r[1])) {
                continue;
            }
            String meeting = (String) r[4];
            try {
                receiver.accept(new Relayed(
                        (String) r[2], (String) r[3], meeting == null || meeting.isEmpty() ? null : meeting, (String)
                                r[5]));
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "handing on relayed message " + id + " failed", e);
            }
        }
    }

    @Override
    public void close() {
        reader.shutdownNow();
    }
}
