package app.proxyme.web.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.proxyme.domain.DomainException;
import app.proxyme.domain.approval.Suggestion;
import app.proxyme.domain.decision.Decision;
import app.proxyme.domain.decision.Layer;
import app.proxyme.domain.decision.Outcome;
import app.proxyme.domain.flow.FlowEvent;
import app.proxyme.domain.flow.FlowStep;
import app.proxyme.domain.policy.Member;
import app.proxyme.domain.port.in.DecideApproval;
import app.proxyme.domain.port.in.SignIn;
import app.proxyme.domain.port.in.WatchMeetings.Kind;
import app.proxyme.domain.port.in.WatchMeetings.LiveEvent;
import app.proxyme.domain.port.in.WatchMeetings.LiveMeeting;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class LiveMeetingsTest {
    private static final Member ADMIN = new Member("admin@acme.test", "acme", Member.ORG_ADMIN, "Ada");
    private static final Member REVIEWER = new Member("audit@acme.test", "acme", Member.COMPLIANCE_REVIEWER, "Al");
    private static final Member JAE = new Member("jae@acme.test", "acme", "junior_ae", "Jo");
    private static final Member GLOBEX_ADMIN = new Member("admin@globex.test", "globex", Member.ORG_ADMIN, "Gil");
    private static final Member GLOBEX_AE = new Member("ae@globex.test", "globex", "account_exec", "Gus");

    private final MeetingHub hub = new MeetingHub(
            (SignIn) Proxy.newProxyInstance(
                    SignIn.class.getClassLoader(), new Class<?>[] {SignIn.class}, (p, m, args) -> null),
            null);
    private final List<Member> askedForPending = new CopyOnWriteArrayList<>();
    private final LiveMeetings live = new LiveMeetings(hub, new DecideApproval() {
        @Override
        public Suggestion decide(Member actor, String approvalId, boolean approve) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Suggestion> pending(Member member) {
            return List.of();
        }

        @Override
        public List<Suggestion> pendingInOrganisation(Member caller) {
            askedForPending.add(caller);
            return List.of();
        }

        @Override
        public int expireDue() {
            return 0;
        }
    });

    @Test
    void the_admin_sees_the_meetings_of_the_organisation_with_who_is_connected_and_hears_their_chunks() {
        var heard = new CopyOnWriteArrayList<LiveEvent>();
        var watch = live.watch(ADMIN, heard::add);
        connect(JAE, "m1");
        connect(ADMIN, "m1");
        connect(GLOBEX_AE, "g1");

        assertEquals(
                List.of(new LiveMeeting("m1", List.of("admin@acme.test", "jae@acme.test"))), live.inProgress(ADMIN));

        var listener = new MeetingListener(hub, JAE, "m1", 7, d -> {});
        listener.emit(new FlowEvent(FlowStep.CLASSIFY, Map.of("topic", "pricing"), 3.5));
        listener.decision(new Decision(true, "pricing", 0.9, Outcome.DENY, Layer.FGA, "no", List.of(), false));
        new MeetingListener(hub, GLOBEX_AE, "g1", 1, d -> {}).emit(new FlowEvent(FlowStep.CLASSIFY, Map.of(), 1));

        assertEquals(
                List.of(
                        new LiveEvent(Kind.JOINED, "m1", "jae@acme.test", 0, "", "", 0),
                        new LiveEvent(Kind.JOINED, "m1", "admin@acme.test", 0, "", "", 0),
                        new LiveEvent(Kind.FLOW, "m1", "jae@acme.test", 7, "classify", "topic=pricing", 3.5),
                        new LiveEvent(Kind.DECISION, "m1", "jae@acme.test", 7, "decision", "DENY by fga", 0)),
                heard,
                "nothing of globex's meeting");
        watch.close();
    }

    @Test
    void another_organisations_admin_sees_only_their_own_meetings() {
        var heard = new CopyOnWriteArrayList<LiveEvent>();
        live.watch(GLOBEX_ADMIN, heard::add);
        connect(JAE, "m1");
        new MeetingListener(hub, JAE, "m1", 1, d -> {}).emit(new FlowEvent(FlowStep.CLASSIFY, Map.of(), 1));

        assertEquals(List.of(), live.inProgress(GLOBEX_ADMIN));
        assertEquals(List.of(), heard);
    }

    @Test
    void after_unsubscribing_nothing_more_is_heard_and_closing_twice_is_harmless() {
        var heard = new CopyOnWriteArrayList<LiveEvent>();
        var watch = live.watch(ADMIN, heard::add);
        var other = new CopyOnWriteArrayList<LiveEvent>();
        var stays = live.watch(ADMIN, other::add);
        watch.close();
        watch.close();
        var c = connect(JAE, "m1");
        hub.unregister(c);

        assertEquals(List.of(), heard);
        assertEquals(2, other.size(), "the other watcher still hears the join and the leave");
        assertEquals(Kind.LEFT, other.get(1).kind());
        assertEquals(List.of(), live.inProgress(ADMIN), "nobody connected any more");
        stays.close();
    }

    @Test
    void only_the_admin_may_watch_and_pending_approvals_are_asked_for_the_caller() {
        for (Member m : List.of(REVIEWER, JAE)) {
            assertThrows(DomainException.class, () -> live.inProgress(m));
            assertThrows(DomainException.class, () -> live.watch(m, e -> {}));
            assertThrows(DomainException.class, () -> live.pendingApprovals(m));
        }
        live.pendingApprovals(ADMIN);
        assertEquals(List.of(ADMIN), askedForPending);
    }

    @Test
    void a_failing_watcher_does_not_stop_the_others() {
        var heard = new CopyOnWriteArrayList<LiveEvent>();
        live.watch(ADMIN, e -> {
            throw new IllegalStateException("boom");
        });
        live.watch(ADMIN, heard::add);
        connect(JAE, "m1");
        assertTrue(heard.size() == 1);
    }

    private Connection connect(Member m, String meeting) {
        var fake = new ConnectionTest.FakeSession();
        fake.reading.countDown();
        var c = Connection.open(fake.session(), m, "token", meeting, null, hub::closedWith);
        hub.register(c);
        return c;
    }
}
