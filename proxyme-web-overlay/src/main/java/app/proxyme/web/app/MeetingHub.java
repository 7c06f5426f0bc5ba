package app.proxyme.web.app;

import app.proxyme.domain.approval.Suggestion;
import app.proxyme.domain.policy.Member;
import app.proxyme.domain.port.in.SignIn;
import app.proxyme.domain.port.in.WatchMeetings.Kind;
import app.proxyme.domain.port.in.WatchMeetings.LiveEvent;
import app.proxyme.domain.port.in.WatchMeetings.LiveMeeting;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Reception;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.websocket.CloseReason;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The connected overlays: who is connected to which meeting, where a user's messages go, and the ordered lanes
 * in which their chunks are decided (one lane per user and meeting, each on its own virtual thread, so that one
 * slow meeting never delays another; at most {@link LaneSettings#capacity()} chunks wait in one), and beside each the
 * lane in which the answers its decisions allowed are drafted, in order, without holding up the next decision. One scheduled task watches
 * every connection: a client that has not read for {@link Connection#STALL} is closed with 1013, and every
 * {@link #RECHECK} each connection's token is verified again against the stored member (removed, or expired:
 * closed with 1008). At shutdown every connection is closed with 1001, and the chunks already accepted get up to
 * {@link LaneSettings#drain()} to be decided (those that are not are recorded as {@code chunk_abandoned} later).
 */
@ApplicationScoped
public class MeetingHub {
    private static final System.Logger LOG = System.getLogger(MeetingHub.class.getName());

    /** How often open sockets are re-checked (PROTOCOL.md: a removed member is disconnected within 5 s). */
    public static final Duration RECHECK = Duration.ofSeconds(2);
    /** How long a shutdown waits for the overlays to answer their 1001. */
    static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(2);

    private final SignIn signIn;
    private final Metrics metrics;
    private final LaneSettings laneSettings;
    /** Lane tasks accepted and not finished yet, in every lane. */
    private final AtomicInteger inFlight = new AtomicInteger();

    private final Map<String, Set<Connection>> byUser = new ConcurrentHashMap<>();
    private final Set<Connection> all = ConcurrentHashMap.newKeySet();
    private final Map<String, SerialLane> lanes = new ConcurrentHashMap<>();
    private final Map<String, SerialLane> answerLanes = new ConcurrentHashMap<>();
    private final Map<String, InboundPace> paces = new ConcurrentHashMap<>();
    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
    private final AtomicBoolean rechecking = new AtomicBoolean();
    private ScheduledExecutorService watch;
    private long lastRecheck;
    private volatile Relay relay = Relay.NONE;
    /** Who watches an organisation's meetings (the console's Live screen), by organisation. */
    private final Map<String, Set<Consumer<LiveEvent>>> watchers = new ConcurrentHashMap<>();

    @Inject
    public MeetingHub(SignIn signIn, Metrics metrics, LaneSettings laneSettings) {
        this.signIn = signIn;
        this.metrics = metrics;
        this.laneSettings = laneSettings;
    }

    /** A hub with the default lane settings. */
    public MeetingHub(SignIn signIn, Metrics metrics) {
        this(signIn, metrics, LaneSettings.DEFAULTS);
    }

    protected MeetingHub() {
        this(null, null, LaneSettings.DEFAULTS);
    }

    /** Chunks of one user in one meeting that may wait to be decided. */
    public int laneCapacity() {
        return laneSettings.capacity();
    }

    /**
     * The pace at which a connection's messages are read: one per user and meeting, shared by every socket of theirs
     * there, so that a client reconnecting again and again cannot multiply it (the sockets it left are still read
     * until the server reaches their end).
     */
    public InboundPace paceFor(Connection c) {
        return paces.computeIfAbsent(laneKey(c), k -> new InboundPace(laneSettings.messagesPerSecond()));
    }

    @PostConstruct
    void start() {
        watch = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("ws-watch").daemon(true).factory());
        watch.scheduleWithFixedDelay(this::watch, 1, 1, TimeUnit.SECONDS);
    }

    public void register(Connection c) {
        all.add(c);
        byUser.computeIfAbsent(userKey(c.member().org(), c.member().email()), k -> ConcurrentHashMap.newKeySet())
                .add(c);
        if (inMeeting(c)) {
            observed(
                    c.member().org(),
                    new LiveEvent(Kind.JOINED, c.meetingId(), c.member().email(), 0, "", "", 0));
        }
    }

    public void unregister(Connection c) {
        all.remove(c);
        String key = userKey(c.member().org(), c.member().email());
        byUser.computeIfPresent(key, (k, set) -> {
            set.remove(c);
            return set.isEmpty() ? null : set;
        });
        boolean stillInMeeting = connections(c.member().org(), c.member().email()).stream()
                .anyMatch(o -> java.util.Objects.equals(o.meetingId(), c.meetingId()));
        if (!stillInMeeting) {
            lanes.remove(laneKey(c));
            answerLanes.remove(laneKey(c));
            paces.remove(laneKey(c));
        }
        if (inMeeting(c)) {
            observed(
                    c.member().org(),
                    new LiveEvent(Kind.LEFT, c.meetingId(), c.member().email(), 0, "", "", 0));
        }
    }

    private static boolean inMeeting(Connection c) {
        return !c.approvalsOnly() && c.meetingId() != null;
    }

    /** The organisation's meetings with a connection to this instance, by id, each with its connected members. */
    public List<LiveMeeting> meetingsOf(String org) {
        var meetings = new TreeMap<String, Set<String>>();
        for (Connection c : all) {
            if (inMeeting(c) && !c.closing() && c.member().org().equals(org)) {
                meetings.computeIfAbsent(c.meetingId(), k -> new TreeSet<>())
                        .add(c.member().email());
            }
        }
        return meetings.entrySet().stream()
                .map(e -> new LiveMeeting(e.getKey(), List.copyOf(e.getValue())))
                .toList();
    }

    /**
     * Tells {@code watcher} every event of the organisation's meetings on this instance until the returned handle
     * runs.
     */
    public Runnable watch(String org, Consumer<LiveEvent> watcher) {
        java.util.Objects.requireNonNull(watcher, "watcher");
        watchers.computeIfAbsent(org, k -> ConcurrentHashMap.newKeySet()).add(watcher);
        return () -> watchers.computeIfPresent(org, (k, set) -> {
            set.remove(watcher);
            return set.isEmpty() ? null : set;
        });
    }

    /** Whether anyone watches the organisation's meetings (so that nobody pays for events nobody reads). */
    public boolean watched(String org) {
        return watchers.containsKey(org);
    }

    /** An event of one of the organisation's meetings: to those who watch them. */
    public void observed(String org, LiveEvent event) {
        Set<Consumer<LiveEvent>> set = watchers.get(org);
        if (set == null) {
            return;
        }
        for (Consumer<LiveEvent> w : set) {
            try {
                w.accept(event);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "a meeting watcher failed: " + e.getMessage());
            }
        }
    }

    /**
     * Queues {@code task} to run after every task submitted before for the same user and meeting, unless
     * {@link #laneCapacity()} tasks wait there already; {@code accepted} runs once it has its place, before it starts
     * (when it throws, the task is not queued).
     *
     * @return whether the task was queued
     */
    public boolean inLane(Connection c, Runnable task, Runnable accepted) {
        SerialLane answers = answerLanes.get(laneKey(c));
        if (answers != null && answers.waiting() >= laneSettings.capacity()) {
            // as many answers wait to be drafted: the chunk is refused (the client sends it again later), so that
            // answers are held back rather than given up
            return false;
        }
        return offer(lanes, c, task, accepted, laneSettings.capacity());
    }

    /**
     * Queues {@code task} — drafting, checking and proposing an answer — in the user's answer lane of the meeting: in
     * order with the answers before it, but apart from the lane in which the next chunks are decided, so that a slow
     * generation never delays a decision. While {@link #laneCapacity()} tasks wait there, {@link #inLane} takes no
     * chunk; at most twice as many wait (the chunks decided meanwhile add theirs), so none is given up in practice.
     *
     * @return whether the task was queued
     */
    public boolean inAnswerLane(Connection c, Runnable task) {
        return offer(answerLanes, c, task, () -> {}, 2 * laneSettings.capacity());
    }

    private boolean offer(Map<String, SerialLane> in, Connection c, Runnable task, Runnable accepted, int capacity) {
        Runnable counted = () -> {
            try {
                task.run();
            } finally {
                inFlight.decrementAndGet();
            }
        };
        return in.computeIfAbsent(laneKey(c), k -> new SerialLane(workers, capacity))
                .offer(counted, () -> {
                    accepted.run();
                    inFlight.incrementAndGet();
                });
    }

    /**
     * Where the messages of users go that may be connected to other instances too ({@link #approvalRequested},
     * {@link #approvalDecided}); the composition root sets it once, before the first connection.
     */
    public void relayThrough(Relay relay) {
        this.relay = java.util.Objects.requireNonNull(relay, "relay");
    }

    /**
     * Sends to every connection of the user in the meeting on this instance: the answers to a connection's own
     * chunks, which this instance decides.
     */
    public void toMeeting(String org, String meetingId, String user, Object message) {
        deliver(new Relay.Message(org, user, meetingId, Json.write(message)));
    }

    /** To every connection of the user (overlays in any meeting, phone pages), on every instance. */
    public void toUser(String org, String user, Object message) {
        everywhere(new Relay.Message(org, user, null, Json.write(message)));
    }

    /** A message another instance relayed: to the user's connections on this one. */
    public void relayed(Relay.Message m) {
        deliver(m);
    }

    /**
     * A held suggestion awaits its user's approval (embedded step-up): the user's overlays and phone page hear of it,
     * on every instance.
     */
    public void approvalRequested(Suggestion held, String bindingMessage) {
        everywhere(
                new Relay.Message(held.org(), held.user(), null, Json.write(Messages.approval(held, bindingMessage))));
    }

    /**
     * Where a held suggestion's approval is asked ({@code push}: the phone too; {@code overlay}: here only) and why:
     * the user's connections on every instance hear of it.
     */
    public void approvalNote(Suggestion held, String channel, String note) {
        everywhere(
                new Relay.Message(held.org(), held.user(), null, Json.write(Messages.approval(held, channel, note))));
    }

    /** A held suggestion was approved, denied or expired: the user's connections on every instance hear of it. */
    public void approvalDecided(Suggestion decided) {
        everywhere(
                new Relay.Message(decided.org(), decided.user(), null, Json.write(Messages.approval(decided, null))));
        everywhere(new Relay.Message(
                decided.org(), decided.user(), decided.meetingId(), Json.write(Messages.suggestion(decided))));
    }

    /** To the user's connections here, then (in the same order) to the other instances. */
    private void everywhere(Relay.Message m) {
        deliver(m);
        try {
            relay.publish(m);
        } catch (RuntimeException e) {
            // the decision is recorded and stored: a connection elsewhere sees it when it reconnects
            LOG.log(System.Logger.Level.WARNING, "cannot relay a message to the other instances: " + e.getMessage());
        }
    }

    private void deliver(Relay.Message m) {
        for (Connection c : connections(m.org(), m.user())) {
            if (m.meetingId() == null || m.meetingId().equals(c.meetingId())) {
                c.sendText(m.json());
            }
        }
    }

    /** The member a connection's token (a phone's: its device token) stands for now; empty (and the connection closed with 1008) when none. */
    public Optional<Member> recheck(Connection c) {
        Optional<Member> now;
        try {
            now = c.approvalsOnly() ? signIn.authenticateApprover(c.token()) : signIn.authenticate(c.token());
        } catch (RuntimeException e) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    "re-checking a connection failed; it stays open until the next check",
                    e);
            return Optional.of(c.member());
        }
        if (now.isEmpty()) {
            c.close(CloseReason.CloseCodes.VIOLATED_POLICY, "signed out: the token expired or the member was removed");
        } else {
            c.member(now.get());
        }
        return now;
    }

    private void watch() {
        try {
            long now = System.nanoTime();
            for (Connection c : all) {
                if (!c.closing() && c.stalled(now)) {
                    c.close(
                            CloseReason.CloseCodes.TRY_AGAIN_LATER,
                            "the client has not read for " + Connection.STALL.toSeconds() + " s: reconnect");
                }
            }
            if (now - lastRecheck >= RECHECK.toNanos() - TimeUnit.MILLISECONDS.toNanos(100)
                    && rechecking.compareAndSet(false, true)) {
                lastRecheck = now;
                // verifying tokens may wait for the database: never on this thread, which watches for stalls
                workers.execute(() -> {
                    try {
                        for (Connection c : all) {
                            if (!c.closing()) {
                                recheck(c);
                            }
                        }
                    } finally {
                        rechecking.set(false);
                    }
                });
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "watching the connections failed; again in a second", e);
        }
    }

    private List<Connection> connections(String org, String user) {
        Set<Connection> set = byUser.get(userKey(org, user));
        return set == null ? List.of() : List.copyOf(set);
    }

    private static String userKey(String org, String user) {
        return org + "\u0000" + user;
    }

    private static String laneKey(Connection c) {
        return c.member().org() + "\u0000" + c.meetingId() + "\u0000"
                + c.member().email();
    }

    /** Before the web server stops: every overlay is told 1001 (going away), and a moment to answer. */
    void shutdown(
            @Observes(notifyObserver = Reception.IF_EXISTS)
                    @Priority(Interceptor.Priority.PLATFORM_BEFORE - 100)
                    @BeforeDestroyed(ApplicationScoped.class)
                    Object event) {
        if (!all.isEmpty()) {
            LOG.log(System.Logger.Level.INFO, "closing " + all.size() + " overlay connections: the server shuts down");
            for (Connection c : all) {
                c.close(CloseReason.CloseCodes.GOING_AWAY, "the server is shutting down: reconnect");
            }
        }
        long drainUntil = System.nanoTime() + laneSettings.drain().toNanos();
        long closedUntil = System.nanoTime() + SHUTDOWN_WAIT.toNanos();
        while ((inFlight.get() > 0 && System.nanoTime() < drainUntil)
                || (!all.isEmpty() && System.nanoTime() < closedUntil)) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        int left = inFlight.get();
        if (left > 0) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    left + " accepted chunks or their answers were not done within "
                            + laneSettings.drain().toSeconds()
                            + " s; an undecided chunk is recorded as chunk_abandoned by the next start");
        }
    }

    @PreDestroy
    void stop() {
        if (watch != null) {
            watch.shutdownNow();
        }
        workers.shutdownNow();
    }

    /** Counts a connection the server closed, by close code. */
    public void closedWith(int code) {
        if (metrics != null) {
            metrics.closed(code);
        }
    }
}
