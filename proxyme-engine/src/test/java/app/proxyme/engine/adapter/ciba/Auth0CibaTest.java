package app.proxyme.engine.adapter.ciba;

import static app.proxyme.engine.adapter.ciba.CibaWorld.JAE;
import static app.proxyme.engine.adapter.ciba.CibaWorld.TEXT;
import static app.proxyme.engine.testsupport.CibaStub.approved;
import static app.proxyme.engine.testsupport.CibaStub.pending;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.proxyme.domain.DependencyUnavailableException;
import app.proxyme.domain.DomainException;
import app.proxyme.domain.approval.ApprovalStatus;
import app.proxyme.domain.approval.BindingMessage;
import app.proxyme.domain.approval.StepUpRequest;
import app.proxyme.domain.approval.Suggestion;
import app.proxyme.domain.approval.SuggestionStatus;
import app.proxyme.domain.audit.AuditEntry;
import app.proxyme.domain.port.in.SettleApproval;
import app.proxyme.engine.testsupport.CibaStub;
import app.proxyme.engine.testsupport.CibaStub.Answer;
import app.proxyme.engine.testsupport.MutableClock;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Auth0 CIBA against a local stub that speaks the documented wire format (CONTRACTS.md): exactly what is sent, and how
 * every answer of {@code /bc-authorize} and {@code /oauth/token} ends the approval — with the real JPA stores, the
 * real approval desk (audit first) and a clock the test moves.
 */
class Auth0CibaTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration INTERVAL = Duration.ofSeconds(5);

    @TempDir
    Path dir;

    private CibaStub stub;
    private MutableClock clock;
    private CibaWorld world;

    @BeforeEach
    void start() throws Exception {
        stub = new CibaStub();
        clock = MutableClock.ofNow();
        world = new CibaWorld("jdbc:h2:file:" + dir.resolve("proxyme") + ";WRITE_DELAY=0", stub.domain(), clock, null);
    }

    @AfterEach
    void stop() {
        world.close();
        stub.close();
    }

    private int polls() {
        return stub.received("/oauth/token").size();
    }

    private int pushes() {
        return stub.received("/bc-authorize").size();
    }

    /** Moves the clock on and runs the poller once, as its scheduler would. */
    private void after(Duration d) {
        clock.advance(d);
        world.poller.runOnce();
    }

    private static AuditEntry only(List<app.proxyme.domain.audit.AuditRecord> decisions) {
        assertEquals(1, decisions.size(), "exactly one approval_decided: " + decisions);
        return decisions.get(0).entry();
    }

    @Test
    void the_push_sends_exactly_the_documented_request() throws Exception {
        Instant sentAt = clock.instant();
        Suggestion held = world.ask();

        var sent = stub.received("/bc-authorize");
        assertEquals(1, sent.size());
        var push = sent.get(0);
        assertEquals(
                Set.of(
                        "client_id",
                        "client_secret",
                        "scope",
                        "login_hint",
                        "binding_message",
                        "requested_expiry",
                        "authorization_details"),
                push.form().keySet());
        assertEquals(CibaStub.CLIENT_ID, push.field("client_id"));
        assertEquals(CibaStub.CLIENT_SECRET, push.field("client_secret"));
        assertEquals("openid", push.field("scope"));
        assertEquals(
                List.of("application/x-www-form-urlencoded"), push.headers().get("content-type"));
        assertEquals(
                JSON.readTree(
                        "{\"format\":\"iss_sub\",\"iss\":\"" + stub.issuer() + "\",\"sub\":\"auth0|" + JAE + "\"}"),
                JSON.readTree(push.field("login_hint")));
        String binding = push.field("binding_message");
        assertTrue(binding.matches("[A-Za-z0-9+\\-_.,:#]{1,64}"), binding);
        assertEquals(BindingMessage.of("pricing", TEXT), binding);
        assertTrue(binding.startsWith("Approve:pricing:"), binding);
        assertEquals("120", push.field("requested_expiry"), "the approval's 120 s deadline, within a push's 300");
        JsonNode details = JSON.readTree(push.field("authorization_details"));
        assertEquals(1, details.size());
        assertEquals("proxyme_suggestion", details.get(0).get("type").asText());
        assertEquals("pricing", details.get(0).get("topic").asText());
        assertEquals(held.approvalId(), details.get(0).get("approval_id").asText());
        String digest = HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(TEXT.getBytes(StandardCharsets.UTF_8)));
        assertEquals(digest, details.get(0).get("suggestion_sha256").asText());

        StepUpRequest r = world.request(held);
        assertEquals(StepUpRequest.State.POLLING, r.state());
        assertEquals(stub.authReqId(0), r.externalId());
        assertEquals(INTERVAL, r.interval());
        assertEquals(sentAt.plus(INTERVAL), r.nextPollAt());
        assertEquals(sentAt.plusSeconds(300), r.expiresAt());
        assertEquals(List.of(held), world.delivered, "the overlay and the phone page get it too");
        assertEquals(DeviceNotes.PUSH, world.lastNote(held).channel());
    }

    @Test
    void the_audience_is_sent_when_one_is_configured() {
        var client = new CibaClient(CibaSettings.auth0(
                stub.domain(), CibaStub.CLIENT_ID, CibaStub.CLIENT_SECRET, "https://api.proxyme.test"));
        var stepUp = new Auth0StepUpApproval(
                client,
                world.db.stepUpRequests(),
                world.db.policyStore(),
                (s, b) -> {},
                (s, c, n) -> {},
                Runnable::run,
                clock);
        Suggestion held = world.hold(JAE, "pricing", TEXT, Duration.ofSeconds(120));

        stepUp.request(held, BindingMessage.of("pricing", TEXT));

        var push = stub.received("/bc-authorize").get(0);
        assertEquals("https://api.proxyme.test", push.field("audience"));
        assertEquals("openid", push.field("scope"));
    }

    @Test
    void a_binding_message_auth0_would_refuse_is_rebuilt_and_the_expiry_stays_a_push() {
        Suggestion held = world.hold(JAE, "pricing", "Thirty percent (30%) off, today only!", Duration.ofMinutes(15));

        world.stepUp.request(held, "Approve: 30% off today!");

        var push = stub.received("/bc-authorize").get(0);
        assertEquals(BindingMessage.of("pricing", held.text()), push.field("binding_message"));
        assertTrue(push.field("binding_message").matches("[A-Za-z0-9+\\-_.,:#]{1,64}"));
        assertEquals("300", push.field("requested_expiry"), "longer than 300 s would be an e-mail, not a push");
    }

    @Test
    void pending_then_slow_down_then_approved_honours_each_interval() {
        Suggestion held = world.ask();
        String id = stub.authReqId(0);
        stub.pollAnswers(id, pending(), Answer.json(400, "{\"error\":\"slow_down\",\"interval\":10}"), approved());

        assertEquals(0, world.poller.runOnce(), "not due before its interval");
        after(Duration.ofSeconds(4));
        assertEquals(0, polls());
        after(Duration.ofSeconds(1));
        assertEquals(1, polls(), "authorization_pending");
        after(Duration.ofSeconds(5));
        assertEquals(2, polls(), "slow_down");
        assertEquals(Duration.ofSeconds(10), world.request(held).interval());
        after(Duration.ofSeconds(9));
        assertEquals(2, polls(), "the longer interval is honoured");
        after(Duration.ofSeconds(1));
        assertEquals(3, polls());

        Suggestion approved = world.current(held);
        assertEquals(ApprovalStatus.APPROVED, approved.approvalStatus());
        assertEquals(SuggestionStatus.APPROVED, approved.status());
        assertEquals(JAE, approved.decidedBy());
        AuditEntry event = only(world.decisions(held));
        assertEquals("APPROVED", event.outcome());
        assertEquals(JAE, event.actor());
        assertEquals("auth0-ciba", event.detail().get("via"));
        assertEquals(
                List.of(held.approvalId()),
                world.decided.stream().map(Suggestion::approvalId).toList());
        assertEquals(StepUpRequest.State.DONE, world.request(held).state());
        for (var poll : stub.received("/oauth/token")) {
            assertEquals(
                    Set.of("grant_type", "auth_req_id", "client_id", "client_secret"),
                    poll.form().keySet());
            assertEquals("urn:openid:params:grant-type:ciba", poll.field("grant_type"));
            assertEquals(id, poll.field("auth_req_id"));
            assertEquals(CibaStub.CLIENT_SECRET, poll.field("client_secret"));
        }
        after(Duration.ofSeconds(30));
        assertEquals(3, polls(), "a settled request is not polled again");
    }

    @Test
    void slow_down_without_an_interval_adds_five_seconds_each_time() {
        Suggestion held = world.ask();
        stub.pollAnswers(stub.authReqId(0), Answer.error(400, "slow_down"), Answer.error(400, "slow_down"));

        after(INTERVAL);
        assertEquals(Duration.ofSeconds(10), world.request(held).interval());
        after(Duration.ofSeconds(10));
        assertEquals(Duration.ofSeconds(15), world.request(held).interval());
        assertEquals(clock.instant().plusSeconds(15), world.request(held).nextPollAt());
    }

    @Test
    void access_denied_before_the_deadline_is_denied_by_the_user() {
        Suggestion held = world.ask();
        stub.pollAnswers(stub.authReqId(0), Answer.error(400, "access_denied"));

        after(INTERVAL);

        Suggestion denied = world.current(held);
        assertEquals(ApprovalStatus.DENIED, denied.approvalStatus());
        assertEquals(JAE, denied.decidedBy());
        assertEquals("DENIED", only(world.decisions(held)).outcome());
    }

    @Test
    void access_denied_after_auth0s_expires_in_is_expired() {
        stub.starting(30, 5);
        Suggestion held = world.ask();
        stub.pollAnswers(stub.authReqId(0), pending(), Answer.error(400, "access_denied"));

        after(INTERVAL);
        assertTrue(world.current(held).isPending());
        after(Duration.ofSeconds(26)); // 31 s after the push: past Auth0's 30, before the approval's 120

        Suggestion expired = world.current(held);
        assertEquals(ApprovalStatus.EXPIRED, expired.approvalStatus());
        assertEquals(SuggestionStatus.EXPIRED, expired.status());
        assertEquals("engine", expired.decidedBy());
        AuditEntry event = only(world.decisions(held));
        assertEquals("EXPIRED", event.outcome());
        assertEquals("the push expired unanswered", event.detail().get("reason"));
    }

    @Test
    void expired_token_is_expired() {
        Suggestion held = world.ask();
        stub.pollAnswers(stub.authReqId(0), Answer.error(400, "expired_token"));

        after(INTERVAL);

        assertEquals(ApprovalStatus.EXPIRED, world.current(held).approvalStatus());
    }

    @Test
    void invalid_grant_fails_the_approval_with_its_reason_stored_audited_and_shown() {
        Suggestion held = world.ask();
        stub.pollAnswers(stub.authReqId(0), Answer.error(400, "invalid_grant"));

        after(INTERVAL);

        Suggestion failed = world.current(held);
        assertEquals(ApprovalStatus.FAILED, failed.approvalStatus());
        assertEquals(SuggestionStatus.FAILED, failed.status(), "a failed approval's answer may not be used");
        assertEquals("engine", failed.decidedBy());
        AuditEntry event = only(world.decisions(held));
        assertEquals("FAILED", event.outcome());
        assertEquals("invalid_grant: invalid_grant (stub)", event.detail().get("reason"));
        assertTrue(
                world.request(held).reason().contains("invalid_grant"),
                world.request(held).reason());
        assertEquals(ApprovalStatus.FAILED, world.request(held).outcome());
        var note = world.lastNote(held);
        assertEquals(ApprovalStatus.FAILED, note.status());
        assertTrue(note.note().contains("invalid_grant"), note.note());
        var late = assertThrows(
                DomainException.class,
                () -> world.desk.decide(world.db.policyStore().member(JAE).orElseThrow(), held.approvalId(), true));
        assertEquals(DomainException.Kind.CONFLICT, late.kind(), "FAILED is final");
    }

    @Test
    void another_error_such_as_invalid_client_fails_it_too() {
        Suggestion held = world.ask();
        stub.pollAnswers(stub.authReqId(0), Answer.error(401, "invalid_client"));

        after(INTERVAL);

        assertEquals(ApprovalStatus.FAILED, world.current(held).approvalStatus());
        assertTrue(only(world.decisions(held)).detail().get("reason").toString().startsWith("invalid_client"));
    }

    @Test
    void a_429_on_polling_waits_for_its_retry_after() {
        Suggestion held = world.ask();
        stub.pollAnswers(
                stub.authReqId(0), Answer.error(429, "too_many_requests").header("Retry-After", "30"), approved());

        after(INTERVAL);
        assertEquals(1, polls());
        after(Duration.ofSeconds(29));
        assertEquals(1, polls(), "Retry-After: 30 is honoured");
        after(Duration.ofSeconds(1));
        assertEquals(2, polls());
        assertEquals(ApprovalStatus.APPROVED, world.current(held).approvalStatus());
    }

    @Test
    void auth0_down_while_polling_keeps_polling_and_the_approval_pending() {
        Suggestion held = world.ask();
        stub.pollAnswers(stub.authReqId(0), Answer.error(503, "temporarily_unavailable"), approved());

        after(INTERVAL);
        assertTrue(world.current(held).isPending());
        assertEquals(StepUpRequest.State.POLLING, world.request(held).state());
        after(INTERVAL);
        assertEquals(ApprovalStatus.APPROVED, world.current(held).approvalStatus());
    }

    @Test
    void a_429_on_bc_authorize_leaves_the_approval_in_the_overlay_and_says_why() {
        stub.authorizeAnswers(Answer.error(429, "too_many_requests"));

        Suggestion held = world.ask();

        assertStaysInTheOverlay(held, "limit of 5 pushes a minute");
    }

    @Test
    void more_than_five_pushes_a_minute_are_not_sent_and_a_minute_later_they_are_again() {
        for (int i = 0; i < 5; i++) {
            world.ask();
            clock.advance(Duration.ofSeconds(1));
        }
        assertEquals(5, pushes());

        Suggestion sixth = world.ask();

        assertEquals(5, pushes(), "Proxy Me counts them itself, before Auth0 answers 429");
        assertStaysInTheOverlay(sixth, "limit of 5 pushes a minute");
        clock.advance(Duration.ofSeconds(56));
        Suggestion later = world.ask();
        assertEquals(6, pushes());
        assertEquals(StepUpRequest.State.POLLING, world.request(later).state());
    }

    @Test
    void a_user_without_push_enrolment_gets_the_overlay_with_a_clear_message() {
        stub.authorizeAnswers(Answer.json(
                400, "{\"error\":\"invalid_request\",\"error_description\":\"User does not have push enrolled\"}"));

        Suggestion held = world.ask();

        assertStaysInTheOverlay(held, "no push enrolment");
        assertTrue(world.lastNote(held).note().contains("User does not have push enrolled"));
    }

    @Test
    void auth0_failing_at_bc_authorize_fails_closed_the_approval_stays_pending_in_the_overlay() {
        stub.authorizeAnswers(Answer.error(503, "temporarily_unavailable"));

        Suggestion held = world.ask();

        assertStaysInTheOverlay(held, "Auth0 is unavailable");
        var jae = world.db.policyStore().member(JAE).orElseThrow();
        assertEquals(
                ApprovalStatus.APPROVED,
                world.desk.decide(jae, held.approvalId(), true).approvalStatus());
    }

    @Test
    void auth0_unreachable_at_bc_authorize_fails_closed_too() throws Exception {
        var gone = new CibaStub();
        gone.close();
        try (var offline = new CibaWorld(
                "jdbc:h2:file:" + dir.resolve("offline") + ";WRITE_DELAY=0", gone.domain(), clock, null)) {
            Suggestion held = offline.ask();

            assertTrue(offline.current(held).isPending());
            assertEquals(
                    SuggestionStatus.PENDING_APPROVAL, offline.current(held).status(), "never AUTO");
            var note = offline.lastNote(held);
            assertEquals(DeviceNotes.OVERLAY, note.channel());
            assertTrue(note.note().contains("Auth0 is unavailable"), note.note());
            assertEquals(StepUpRequest.State.NOT_SENT, offline.request(held).state());
        }
    }

    private void assertStaysInTheOverlay(Suggestion held, String why) {
        Suggestion now = world.current(held);
        assertTrue(now.isPending(), "still pending");
        assertEquals(SuggestionStatus.PENDING_APPROVAL, now.status(), "never AUTO");
        assertTrue(world.delivered.stream().anyMatch(s -> s.approvalId().equals(held.approvalId())));
        var note = world.lastNote(held);
        assertEquals(DeviceNotes.OVERLAY, note.channel());
        assertTrue(note.note().contains(why), note.note());
        StepUpRequest r = world.request(held);
        assertEquals(StepUpRequest.State.NOT_SENT, r.state());
        assertTrue(r.reason().contains(why), r.reason());
        assertNull(r.externalId());
        after(Duration.ofSeconds(10));
        assertEquals(StepUpRequest.State.NOT_SENT, world.request(held).state(), "nothing to poll");
        assertTrue(world.current(held).isPending());
    }

    @Test
    void a_decision_in_the_overlay_first_drops_the_push_without_a_second_decision() {
        Suggestion held = world.ask();
        stub.pollAnswers(stub.authReqId(0), approved());
        var jae = world.db.policyStore().member(JAE).orElseThrow();
        world.desk.decide(jae, held.approvalId(), false);

        after(INTERVAL);

        assertEquals(0, polls(), "not polled: nothing left to ask");
        assertEquals(ApprovalStatus.DENIED, world.current(held).approvalStatus());
        assertEquals("DENIED", only(world.decisions(held)).outcome());
        assertEquals(StepUpRequest.State.DONE, world.request(held).state());
        assertEquals(CibaPoller.DROPPED, world.request(held).reason());
    }

    @Test
    void a_decision_in_the_overlay_while_the_phone_approves_wins_and_the_push_is_dropped() {
        Suggestion held = world.ask();
        stub.pollAnswers(stub.authReqId(0), approved());
        var jae = world.db.policyStore().member(JAE).orElseThrow();
        // the user denies in the overlay just after the poll answered and before it is settled
        CibaPoller racing = world.poller(report -> {
            world.desk.decide(jae, report.approvalId(), false);
            return world.desk.settle(report);
        });

        clock.advance(INTERVAL);
        racing.runOnce();

        assertEquals(1, polls());
        assertEquals(ApprovalStatus.DENIED, world.current(held).approvalStatus());
        assertEquals("DENIED", only(world.decisions(held)).outcome());
        assertEquals(CibaPoller.DROPPED, world.request(held).reason());
    }

    @Test
    void an_outcome_that_cannot_be_audited_yet_is_kept_and_settled_later_without_polling_again() {
        Suggestion held = world.ask();
        stub.pollAnswers(stub.authReqId(0), approved());
        var down = new AtomicBoolean(true);
        SettleApproval flaky = report -> {
            if (down.getAndSet(false)) {
                throw new DependencyUnavailableException("database", "audit log down");
            }
            return world.desk.settle(report);
        };
        CibaPoller poller = world.poller(flaky);

        clock.advance(INTERVAL);
        poller.runOnce();
        assertTrue(world.current(held).isPending());
        assertEquals(ApprovalStatus.APPROVED, world.request(held).outcome(), "the outcome is kept");
        assertEquals(StepUpRequest.State.POLLING, world.request(held).state());

        clock.advance(INTERVAL);
        poller.runOnce();

        assertEquals(1, polls(), "Auth0 redeems an auth_req_id once: it is not asked again");
        assertEquals(ApprovalStatus.APPROVED, world.current(held).approvalStatus());
        assertEquals(1, world.decisions(held).size());
    }

    @Test
    void the_client_secret_is_left_out_of_the_settings_text() {
        var settings = CibaSettings.auth0("acme.eu.auth0.com", "id", CibaStub.CLIENT_SECRET);
        assertFalse(settings.toString().contains(CibaStub.CLIENT_SECRET), settings.toString());
        assertEquals("https://acme.eu.auth0.com/", settings.issuer());
        assertThrows(IllegalArgumentException.class, () -> CibaSettings.auth0("acme.eu.auth0.com", "id", " "));
    }
}
