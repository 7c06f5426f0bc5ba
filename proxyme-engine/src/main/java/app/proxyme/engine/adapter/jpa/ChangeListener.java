package app.proxyme.engine.adapter.jpa;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Hears the changes other instances commit to the shared PostgreSQL database: a connection of its own LISTENs on
 * {@value #CHANNEL}, on which triggers announce every committed change to a policy, a member or a tuple (migration
 * {@code V10_1}), and hands each payload ({@code policy:<org>}, {@code tuples}) to the caches; and on the other
 * channels it is given (relayed messages). Whenever it is not
 * listening, the caches are not trusted ({@link CacheTrust}); when it listens again, everything is forgotten first,
 * because what changed meanwhile is unknown.
 */
final class ChangeListener implements AutoCloseable {
    static final String CHANNEL = "proxyme_changes";
    /** The connection's {@code application_name}, to be found in {@code pg_stat_activity}. */
    static final String APPLICATION_NAME = "proxyme-changes";

    private static final System.Logger LOG = System.getLogger(ChangeListener.class.getName());
    private static final int POLL_MS = 500;
    private static final Duration PROBE_EVERY = Duration.ofSeconds(5);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private final String url;
    private final Properties login;
    private final CacheTrust trust;
    private final Map<String, Consumer<String>> channels;
    private final Consumer<Instant> missed;
    /** When the connection was last seen listening (epoch ms); 0 before the first LISTEN. */
    private volatile long listeningAt;

    private final CountDownLatch firstListen = new CountDownLatch(1);
    private final Thread thread;
    private volatile boolean closed;

    /**
     * Starts listening on a thread of its own.
     *
     * @param channels what to call with each payload heard on each channel
     * @param missed called each time listening (re)starts, before the caches are trusted again, with when the
     *     connection was last seen listening ({@code null} the first time)
     */
    ChangeListener(
            String url,
            String user,
            String password,
            CacheTrust trust,
            Map<String, Consumer<String>> channels,
            Consumer<Instant> missed) {
        this.url = url;
        this.login = new Properties();
        login.setProperty("user", user == null ? "" : user);
        login.setProperty("password", password == null ? "" : password);
        login.setProperty("ApplicationName", APPLICATION_NAME);
        this.trust = trust;
        this.channels = Map.copyOf(channels);
        this.missed = missed;
        this.thread = Thread.ofPlatform().daemon().name("change-listener").start(this::run);
    }

    /** Waits up to {@code timeout} for the first LISTEN; the caches stay untrusted until then. */
    boolean awaitListening(Duration timeout) throws InterruptedException {
        return firstListen.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void run() {
        long backoffMs = 250;
        while (!closed) {
            try (Connection c = DriverManager.getConnection(url, login)) {
                try (Statement s = c.createStatement()) {
                    for (String channel : channels.keySet()) {
                        s.execute("LISTEN " + channel);
                    }
                }
                long before = listeningAt;
                missed.accept(before == 0 ? null : Instant.ofEpochMilli(before));
                listeningAt = System.currentTimeMillis();
                trust.listening();
                firstListen.countDown();
                backoffMs = 250;
                listen(c);
            } catch (SQLException e) {
                if (closed) {
                    return;
                }
                // the SQL state only: a message may name the host
                String why = "connection lost, SQL state " + e.getSQLState();
                if (trust.trusted()) {
                    LOG.log(System.Logger.Level.WARNING, "change notifications stopped (" + why + "): reading through");
                }
                trust.lost(why);
            }
            sleep(backoffMs);
            backoffMs = Math.min(backoffMs * 2, MAX_BACKOFF.toMillis());
        }
    }

    private void listen(Connection c) throws SQLException {
        PGConnection pg = c.unwrap(PGConnection.class);
        long probeAt = System.nanoTime() + PROBE_EVERY.toNanos();
        while (!closed) {
            PGNotification[] heard = pg.getNotifications(POLL_MS);
            if (heard != null) {
                for (PGNotification n : heard) {
                    Consumer<String> to = channels.get(n.getName());
                    if (to != null) {
                        to.accept(n.getParameter());
                    }
                }
            }
            listeningAt = System.currentTimeMillis();
            if (System.nanoTime() > probeAt) {
                // a connection that died without a word (a network partition) fails this, not getNotifications
                if (!c.isValid(2)) {
                    throw new SQLException("the listening connection does not answer", "08006");
                }
                probeAt = System.nanoTime() + PROBE_EVERY.toNanos();
            }
        }
    }

    private void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        }
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        try {
            thread.join(2 * POLL_MS + 1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
