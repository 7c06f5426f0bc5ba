package app.proxyme.web.app;

import app.proxyme.domain.approval.Suggestion;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The connected overlays: who is connected to which meeting, where a user's messages go, and the ordered lanes
 * in which their chunks are decided (one lane per user and meeting, each on its own virtual thread, so that one
 * slow meeting never delays another).
 */
@ApplicationScoped
public class MeetingHub {
    private final Map<String, Set<Connection>> byUser = new ConcurrentHashMap<>();
    private final Map<String, SerialLane> lanes = new ConcurrentHashMap<>();
    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();

    public void register(Connection c) {
        byUser.computeIfAbsent(userKey(c.member().org(), c.member().email()), k -> ConcurrentHashMap.newKeySet())
                .add(c);
    }

    public void unregister(Connection c) {
        String key = userKey(c.member().org(), c.member().email());
        byUser.computeIfPresent(key, (k, set) -> {
            set.remove(c);
            return set.isEmpty() ? null : set;
        });
        boolean stillInMeeting = connections(c.member().org(), c.member().email()).stream()
                .anyMatch(o -> o.meetingId().equals(c.meetingId()));
        if (!stillInMeeting) {
            lanes.remove(laneKey(c));
        }
    }

    /** Runs {@code task} after every task submitted before for the same user and meeting. */
    public void inLane(Connection c, Runnable task) {
        lanes.computeIfAbsent(laneKey(c), k -> new SerialLane(workers)).execute(task);
    }

    /** Sends to every connection of the user in the meeting. */
    public void toMeeting(String org, String meetingId, String user, Object message) {
        for (Connection c : connections(org, user)) {
            if (c.meetingId().equals(meetingId)) {
                c.send(message);
            }
        }
    }

    /** Sends to every connection of the user, in any meeting (the phone page listens to all of them). */
    public void toUser(String org, String user, Object message) {
        connections(org, user).forEach(c -> c.send(message));
    }

    /** A held suggestion awaits its user's approval (embedded step-up): the user's overlays and phone page hear of it. */
    public void approvalRequested(Suggestion held, String bindingMessage) {
        toUser(held.org(), held.user(), Messages.approval(held, bindingMessage));
    }

    /** A held suggestion was approved, denied or expired. */
    public void approvalDecided(Suggestion decided) {
        toUser(decided.org(), decided.user(), Messages.approval(decided, null));
        toMeeting(decided.org(), decided.meetingId(), decided.user(), Messages.suggestion(decided));
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

    @PreDestroy
    void stop() {
        workers.shutdownNow();
    }
}
