package app.proxyme.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.proxyme.engine.testsupport.CibaStub;
import app.proxyme.web.Api;
import app.proxyme.web.WsClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A measurement, not part of {@code verify} (its name matches neither test pattern): 100 approvals pending at once from
 * 25 users through Auth0 CIBA (a local stub that enforces Auth0's 5 pushes per user and minute and answers each
 * request after two pending polls, approving or denying it by a rule the test knows), while 40 ordinary meetings keep
 * sending a chunk every 2 s. It checks that every approval ends as the stub answered and prints chunk → decision
 * latencies of the ordinary meetings before and during the burst.
 *
 * <pre>./mvnw -DskipTests install &amp;&amp; ./mvnw -pl proxyme-it verify -Dit.test=CibaApprovalsLoad -Dtest=none \
 *   -Dsurefire.failIfNoSpecifiedTests=false</pre>
 */
@Timeout(600)
class CibaApprovalsLoad {
    private static final int USERS = 25;
    private static final int HELD_EACH = 4;
    private static final int ORDINARY = 40;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> ORDINARY_TURNS = List.of(
            "Can you walk me through how the reporting dashboard exports data?",
            "We mostly track all of this in spreadsheets today.",
            "Does it connect to Slack so the team gets notified?",
            "Thanks, that makes sense.");

    /** The stub's rule, which the test applies again to know each approval's outcome. */
    private static boolean approves(String approvalId) {
        return (approvalId.charAt(approvalId.length() - 1) & 1) == 0;
    }

    @Test
    void a_hundred_approvals_from_25_users_resolve_as_answered_while_meetings_go_on() throws Exception {
        try (var auth0 = new CibaStub()) {
            auth0.starting(300, 1).pushesPerUserAndMinute(5).decideAfter(2, r -> approves(approvalIdOf(r)));
            var dir = Files.createTempDirectory("proxyme-ciba-load");
            try (var server = ProxymeProcess.start(
                    "ciba-load",
                    dir,
                    ProxymeProcess.freePort(),
                    Map.of(
                            "PROXYME_APPROVAL",
                            "auth0-ciba",
                            "PROXYME_AUTH0_DOMAIN",
                            auth0.domain(),
                            "PROXYME_AUTH0_CLIENT_ID",
                            CibaStub.CLIENT_ID,
                            "PROXYME_AUTH0_CLIENT_SECRET",
                            CibaStub.CLIENT_SECRET,
                            "PROXYME_APPROVAL_TIMEOUT_S",
                            "300",
                            "PROXYME_WARMUP_DECISIONS",
                            "3000"))) {
                Api api = server.awaitUp();
                addUsers(api);

                var before = Collections.synchronizedList(new ArrayList<Long>());
                var during = Collections.synchronizedList(new ArrayList<Long>());
                var burst = new AtomicBoolean();
                var stop = new AtomicBoolean();
                var ordinary = new ArrayList<Thread>();
                for (int m = 0; m < ORDINARY; m++) {
                    int meeting = m;
                    ordinary.add(Thread.ofVirtual()
                            .start(() -> ordinaryMeeting(server, api, meeting, burst, stop, before, during)));
                }
                Thread.sleep(20_000);

                long burstStart = System.nanoTime();
                burst.set(true);
                var outcomes = new ConcurrentHashMap<String, String>();
                var resolvedAfter = Collections.synchronizedList(new ArrayList<Long>());
                var held = new ArrayList<Thread>();
                for (int u = 1; u <= USERS; u++) {
                    String user = "load%02d@acme.test".formatted(u);
                    held.add(Thread.ofVirtual().start(() -> holdFour(server, api, user, outcomes, resolvedAfter)));
                }
                for (Thread t : held) {
                    t.join();
                }
                double burstSeconds = (System.nanoTime() - burstStart) / 1e9;
                Thread.sleep(5_000);
                stop.set(true);
                for (Thread t : ordinary) {
                    t.join();
                }

                assertEquals(USERS * HELD_EACH, outcomes.size(), "every approval ended");
                outcomes.forEach(
                        (id, status) -> assertEquals(approves(id) ? "APPROVED" : "DENIED", status, "approval " + id));
                assertEquals(0, auth0.refusedPushes(), "Proxy Me kept to 5 pushes per user and minute");
                long approved =
                        outcomes.values().stream().filter("APPROVED"::equals).count();
                System.out.printf(
                        "CIBA load: %d approvals from %d users, %d approved, %d denied, all as answered; burst %.1f s;"
                                + " push→resolved p50 %.0f ms p95 %.0f ms max %.0f ms; pushes refused by the limit: %d%n",
                        outcomes.size(),
                        USERS,
                        approved,
                        outcomes.size() - approved,
                        burstSeconds,
                        pct(resolvedAfter, 50),
                        pct(resolvedAfter, 95),
                        pct(resolvedAfter, 100),
                        auth0.refusedPushes());
                System.out.printf(
                        "ordinary meetings (%d, a chunk every 2 s): before the burst n=%d p50 %.1f ms p95 %.1f ms p99 %.1f ms;"
                                + " during n=%d p50 %.1f ms p95 %.1f ms p99 %.1f ms%n",
                        ORDINARY,
                        before.size(),
                        ms(before, 50),
                        ms(before, 95),
                        ms(before, 99),
                        during.size(),
                        ms(during, 50),
                        ms(during, 95),
                        ms(during, 99));
                assertTrue(auth0.received("/bc-authorize").size() >= USERS * HELD_EACH);
            }
        }
    }

    private static String approvalIdOf(CibaStub.Received r) {
        try {
            return JSON.readTree(r.field("authorization_details"))
                    .get(0)
                    .get("approval_id")
                    .asText();
        } catch (Exception e) {
            throw new IllegalStateException("no approval id in " + r.form(), e);
        }
    }

    /** Adds load01..load25@acme.test as account executives (pricing: with approval) through the policy API. */
    private static void addUsers(Api api) {
        String admin = api.login("admin@acme.test");
        String yaml = api.get("/api/policy", admin).body();
        var members = new StringBuilder("members:\n");
        for (int u = 1; u <= USERS; u++) {
            members.append("  load%02d@acme.test: {role: account_executive, name: Load %02d}\n".formatted(u, u));
        }
        var put =
                api.put("/api/policy", admin, "application/yaml", yaml.replaceFirst("members:\n", members.toString()));
        assertEquals(200, put.status(), put.body());
    }

    /** One user's meeting: four pricing questions held for approval, then their outcomes as the overlay hears them. */
    private static void holdFour(
            ProxymeProcess server, Api api, String user, Map<String, String> outcomes, List<Long> resolvedAfter) {
        try (var overlay = WsClient.connect(server.ws(), "ciba-" + user.substring(0, 6), api.login(user))) {
            overlay.awaitType("state");
            var asked = new ConcurrentHashMap<String, Long>();
            for (int q = 1; q <= HELD_EACH; q++) {
                overlay.chunk(q, "Can you give us a price for " + (100 * q) + " seats on the enterprise plan?");
            }
            for (int q = 1; q <= HELD_EACH; q++) {
                JsonNode s = overlay.awaitType("suggestion", q);
                assertEquals("PENDING_APPROVAL", s.get("status").asText(), user + " " + s);
                asked.put(s.get("approvalId").asText(), System.nanoTime());
            }
            while (!outcomes.keySet().containsAll(asked.keySet())) {
                JsonNode a = overlay.await(
                        "a decided approval",
                        m -> m.path("type").asText().equals("approval")
                                && !m.path("status").asText().equals("PENDING")
                                && asked.containsKey(m.path("approvalId").asText()));
                String id = a.get("approvalId").asText();
                outcomes.put(id, a.get("status").asText());
                resolvedAfter.add((System.nanoTime() - asked.get(id)) / 1_000_000);
            }
        }
    }

    private static void ordinaryMeeting(
            ProxymeProcess server,
            Api api,
            int meeting,
            AtomicBoolean burst,
            AtomicBoolean stop,
            List<Long> before,
            List<Long> during) {
        try (var overlay = WsClient.connect(server.ws(), "ordinary-" + meeting, api.login("se@acme.test"))) {
            overlay.awaitType("state");
            Thread.sleep(meeting * 2_000L / ORDINARY);
            for (long seq = 1; !stop.get(); seq++) {
                long sent = System.nanoTime();
                overlay.chunk(seq, ORDINARY_TURNS.get((int) (seq % ORDINARY_TURNS.size())));
                overlay.awaitType("decision", seq);
                long micros = (System.nanoTime() - sent) / 1_000;
                (burst.get() ? during : before).add(micros);
                overlay.drain();
                Thread.sleep(Math.max(0, 2_000 - micros / 1_000));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The {@code p}-th percentile of microseconds, in milliseconds. */
    private static double ms(List<Long> micros, int p) {
        return pct(micros, p) / 1000.0;
    }

    /** The {@code p}-th percentile of the values (nearest rank). */
    private static double pct(List<Long> values, int p) {
        List<Long> sorted;
        synchronized (values) {
            sorted = new ArrayList<>(values);
        }
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        Collections.sort(sorted);
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)));
    }
}
