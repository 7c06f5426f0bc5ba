package app.proxyme.it.aci;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The ACI seed's cross-domain example against a running Proxy Me, over HTTP only: a user of {@code acme} asks whether
 * a car is a good buy; an automotive agent answers and hands on to a finance advisor, which needs the user's consent
 * to read their investment goals; the finance advisor hands on to a meta-reasoner, which combines both answers in the
 * tone the user asked for. The three agents are external: registered with their own keys, signed in with client
 * credentials, reading their inboxes and signing each hop. Prints each step and the chain's timeline.
 *
 * <pre>java -cp … app.proxyme.it.aci.SeedExample --url http://127.0.0.1:8080</pre>
 *
 * (or {@code examples/aci-seed.sh}, which starts a server of its own).
 */
public final class SeedExample {
    static final String ADMIN = "admin@acme.test";
    static final String USER = "ae@acme.test";
    static final String TONE = "casual-technical";

    /** What a run produced: the chain, its timeline and the tone the last agent received. */
    public record Result(String chainId, JsonNode timeline, String toneAtReasoner, String answer) {}

    private final GatewayHttp http;
    private final PrintStream out;

    public SeedExample(GatewayHttp http, PrintStream out) {
        this.http = http;
        this.out = out;
    }

    public static void main(String[] args) {
        String url = args.length == 2 && args[0].equals("--url") ? args[1] : null;
        if (url == null) {
            System.err.println("usage: SeedExample --url http://127.0.0.1:8080");
            System.exit(2);
        }
        try {
            new SeedExample(new GatewayHttp(url), System.out).run();
        } catch (IllegalStateException e) {
            System.err.println("the example stopped: " + e.getMessage());
            System.exit(1);
        }
    }

    /** Runs the whole chain; throws {@link IllegalStateException} saying which step failed. */
    public Result run() {
        String admin = http.login(ADMIN);
        String user = http.login(USER);
        String run = UUID.randomUUID().toString().substring(0, 6);
        var automotive = RemoteAgent.register(
                http,
                admin,
                "automotive-" + run,
                "Automotive Expert",
                "automotive",
                List.of("agent:automotive", "read:profile"));
        var finance = RemoteAgent.register(
                http,
                admin,
                "finance-advisor-" + run,
                "Finance Advisor",
                "finance",
                List.of("agent:finance", "read:investment_goals", "read:account_balances"));
        var reasoner = RemoteAgent.register(
                http, admin, "meta-reasoner-" + run, "Meta Reasoner", "reasoning", List.of("agent:reasoner"));
        out.printf("registered three external agents: %s, %s, %s%n", automotive.id(), finance.id(), reasoner.id());

        http.putJson(
                        "/api/aci/grants/" + automotive.id(),
                        user,
                        Map.of("permissions", List.of("agent:automotive", "read:profile")))
                .expect(200, "the user's grant to " + automotive.id());
        out.printf("%s lets %s read their profile%n", USER, automotive.name());

        var started = http.postJson("/api/aci/chains", user, start(automotive))
                .expect(201, "starting the chain")
                .json();
        String chainId = started.get("chainId").asText();
        out.printf(
                "chain %s started by proxyme for %s: %s%n",
                chainId, USER, started.get("status").asText());

        Map<String, Object> atAutomotive = automotive.receive(10);
        String carAnswer = "EVs hit max torque from 0 rpm; a Model 3 costs about 4 cents a mile to charge at home"
                + " and needs little maintenance, so running costs are low.";
        var toFinance = automotive.handOff(automotive.next(
                atAutomotive,
                finance,
                List.of("agent:finance", "read:investment_goals"),
                carAnswer,
                "To compare the car with an index fund I need your investment goals"));
        consent(user, toFinance, "ALLOW");

        Map<String, Object> atFinance = finance.receive(10);
        String fundAnswer = "An index fund has returned about 7% a year over long periods; with a goal of buying a flat"
                + " in ten years, money in the fund compounds while a car loses value.";
        var toReasoner = finance.handOff(finance.next(
                atFinance,
                reasoner,
                List.of("agent:reasoner"),
                fundAnswer,
                "To weigh both answers against each other for you"));
        consent(user, toReasoner, "ALLOW_ONCE");

        Map<String, Object> atReasoner = reasoner.receive(10);
        String tone = String.valueOf(((Map<?, ?>) atReasoner.get("resonance")).get("tone"));
        String answer = combine(tone, carAnswer, fundAnswer);
        out.printf("%n%s answers in the user's tone (%s):%n  %s%n", reasoner.name(), tone, answer);

        JsonNode timeline = http.get("/api/aci/chains/" + chainId, user)
                .expect(200, "the chain's timeline")
                .json();
        printTimeline(timeline);
        return new Result(chainId, timeline, tone, answer);
    }

    /** The user's request that starts the seed's chain at {@code to} (ACI.md, {@code POST /api/aci/chains}). */
    public static Map<String, Object> start(RemoteAgent to) {
        var body = new LinkedHashMap<String, Object>();
        body.put("to", to.id());
        body.put("permissions", List.of("agent:automotive", "read:profile"));
        body.put("reason", "You asked whether your next car should be electric");
        body.put(
                "content",
                Map.of(
                        "primary", "Is a Tesla Model 3 a good buy for me, or should the money go into an index fund?",
                        "context", "User owns a 2015 petrol hatchback and drives 15,000 km a year",
                        "confidence", 0.9));
        body.put("resonance", Map.of("tone", TONE, "expertise", "intermediate", "density", 0.65));
        body.put("redlines", List.of("no-personnel"));
        body.put("maxDepth", 3);
        return body;
    }

    /** The user's side of a hop waiting for consent (as {@code user}, their bearer token): what they are asked, and their answer. */
    private void consent(String userToken, GatewayHttp.Reply hop, String decision) {
        hop.expect(202, "the hand-off");
        JsonNode sent = hop.json();
        if (!"PENDING_CONSENT".equals(sent.get("status").asText())) {
            out.printf(
                    "hop %s: %s%n",
                    sent.get("handoffId").asText(), sent.get("status").asText());
            return;
        }
        String consentId = sent.get("consentId").asText();
        for (JsonNode c : http.get("/api/aci/consents?status=PENDING", userToken)
                .expect(200, "pending consents")
                .json()) {
            if (c.get("consentId").asText().equals(consentId)) {
                var asked = new StringBuilder();
                c.get("permissions")
                        .forEach(p -> asked.append(asked.isEmpty() ? "" : "; ")
                                .append(p.get("description").asText()));
                out.printf(
                        "%s is asked: %s wants to \"%s\" (%s)%n",
                        USER, c.get("agent").asText(), asked, c.get("reason").asText());
            }
        }
        JsonNode decided = http.postJson("/api/aci/consents/" + consentId, userToken, Map.of("decision", decision))
                .expect(200, "the user's consent")
                .json();
        out.printf(
                "  → %s: the hop is %s%n",
                decided.get("status").asText(), decided.get("handoffStatus").asText());
    }

    /** The meta-reasoner's answer: both answers, worded for the tone the chain carried. */
    static String combine(String tone, String car, String fund) {
        String opener = tone.startsWith("casual") ? "Short version: both work, for different reasons." : "In summary:";
        return opener + " The car side: " + car + " The money side: " + fund
                + " If the old car still runs, investing now and buying later keeps both options open.";
    }

    private void printTimeline(JsonNode timeline) {
        out.printf(
                "%nTimeline of %s (%s, %s):%n",
                timeline.get("chainId").asText(),
                timeline.get("user").asText(),
                timeline.get("status").asText());
        int n = 1;
        for (JsonNode hop : timeline.get("hops")) {
            out.printf(
                    Locale.ROOT,
                    "  hop %d  %s → %s  %s  %.1f ms  %d bytes%n",
                    n++,
                    hop.get("from").asText(),
                    hop.get("to").asText(),
                    hop.get("status").asText(),
                    hop.get("ms").asDouble(),
                    hop.get("bytes").asInt());
            var checks = new StringBuilder();
            for (JsonNode c : hop.get("checks")) {
                checks.append(String.format(
                        Locale.ROOT,
                        "%s%s %s %.2f",
                        checks.isEmpty() ? "" : ", ",
                        c.get("ok").asBoolean() ? "✓" : "…",
                        c.get("check").asText(),
                        c.get("ms").asDouble()));
            }
            out.printf("         checks (ms): %s%n", checks);
            if (hop.hasNonNull("anomalies") && !hop.get("anomalies").isEmpty()) {
                out.printf("         anomalies: %s%n", hop.get("anomalies"));
            }
        }
        JsonNode s = timeline.get("summary");
        out.printf(
                Locale.ROOT,
                "  %d hops, %.1f ms in the gateway's checks, %.1f ms in all; accessed %s, blocked %s%n",
                s.get("hops").asInt(),
                s.get("authMs").asDouble(),
                s.get("totalMs").asDouble(),
                s.get("accessed"),
                s.get("blocked"));
    }
}
