package app.proxyme.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.proxyme.engine.aci.client.SigningAgent;
import app.proxyme.it.aci.GatewayHttp;
import app.proxyme.it.aci.RemoteAgent;
import app.proxyme.web.Api;
import app.proxyme.web.WsClient;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The admin console in headless Chromium against the whole server (one server for all its tests): who may open
 * which screen, that a permission changed in the grid or a rule enabled is what the decision then uses, a topic
 * example the classifier puts elsewhere is flagged, and the playground shows the real decision.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AdminConsoleBrowserIT {
    static final int CONSOLE_PORT;

    static {
        try {
            CONSOLE_PORT = ProxymeProcess.freePort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static final String SECURITY_QUESTION = "Do you have ISO 27001 certification for the hosting?";
    static final String DISCOUNT_QUESTION = "What discount could you give us on a three year contract?";
    static final String SEAT_PRICE_QUESTION = "What does a seat cost on the standard plan?";
    static final String MISPLACED_EXAMPLE = "is there any flexibility on the list price per seat";

    private static Chromium chromium;

    @Deployment(testable = false)
    static JavaArchive proxyMe() {
        return Deployments.proxyMe("proxyme.admin.port=" + CONSOLE_PORT);
    }

    @ArquillianResource
    URL base;

    private ConsolePage console;

    @BeforeAll
    static void browser() {
        chromium = Chromium.launch();
        PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
    }

    @AfterAll
    static void closeBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @BeforeEach
    void page() {
        console = new ConsolePage(chromium.browser, "http://127.0.0.1:" + CONSOLE_PORT);
    }

    @AfterEach
    void closePage() {
        console.close();
    }

    @Test
    void the_admin_changes_a_permission_in_the_grid_and_the_evaluation_follows() {
        var api = new Api(base.toString().replaceAll("/$", ""));
        String jae = api.login("jae@acme.test");
        String evaluate = "{\"text\":\"" + SECURITY_QUESTION + "\"}";
        assertEquals(
                "APPROVE",
                api.post("/api/policy/evaluate", jae, evaluate)
                        .json()
                        .get("outcome")
                        .asText());

        console.signIn("admin@acme.test");
        assertThat(console.page.locator("#roles")).isVisible();
        console.pick("#cell-junior_ae-security", "AUTO");
        assertThat(console.page.locator("#pending"))
                .containsText("Junior AEs may answer security questions on their own (was: APPROVE)");
        console.screenshot("console-roles.png");
        console.page.click("#save");
        assertThat(console.page.locator("vaadin-notification-card.feedback").first())
                .containsText("Saved: roles.junior_ae");

        var after = api.post("/api/policy/evaluate", jae, evaluate).json();
        assertEquals("AUTO", after.get("outcome").asText(), after.toString());
        console.page.reload();
        assertThat(console.cell("junior_ae", "security")).containsText("AUTO");
    }

    @Test
    void the_admin_is_told_why_a_role_in_use_or_the_last_admin_cannot_go_and_adds_a_member() {
        console.signIn("admin@acme.test");

        console.page.click("#delete-sales_manager");
        assertThat(console.page.locator("vaadin-notification-card.feedback").first())
                .containsText("Refused: role sales_manager is still used by members");
        assertThat(console.page.locator("#cell-sales_manager-pricing")).isVisible();

        console.open("/members");
        console.page.click("[id='remove-admin@acme.test']");
        assertThat(feedback("no member would be left with role org_admin")).isVisible();
        console.page.fill("#member-email input", "new.hire@acme.test");
        console.page.fill("#member-name input", "New Hire");
        console.pick("#member-role", "junior_ae");
        console.page.click("#save-member");
        assertThat(console.page.locator("#member-list")).containsText("new.hire@acme.test");
        console.screenshot("console-members.png");
    }

    @Test
    void the_admin_sees_a_policy_files_problems_by_line_and_its_changes_before_applying_it() {
        console.signIn("admin@acme.test");
        console.open("/policy");
        var area = console.page.locator("#policy-yaml textarea");
        assertThat(area).hasValue(Pattern.compile("org: acme"));
        String stored = area.inputValue();

        area.fill(stored + "bogus: 1\n");
        console.page.click("#policy-check");
        assertThat(console.page.locator("#policy-result")).containsText("line ");
        assertThat(console.page.locator("#policy-apply")).isDisabled();

        area.fill(stored.replaceFirst("(?m)^name: .*$", "name: Acme Corporation"));
        console.page.click("#policy-check");
        assertThat(console.page.locator("#policy-result")).containsText("changes name");
        console.screenshot("console-policy.png");
        console.page.click("#policy-apply");
        assertThat(feedback("Applied: name")).isVisible();
        assertThat(area).hasValue(Pattern.compile("name: \\W?Acme Corporation"));
    }

    @Test
    void the_reviewer_reaches_the_audit_screens_but_not_the_roles() {
        console.signIn("audit@acme.test");

        assertThat(console.page.locator("#audit")).isVisible();
        for (String screen : List.of("Roles", "Topics", "Rules", "Playground")) {
            assertThat(console.page.locator("#screens")).not().containsText(screen);
        }
        console.open("/roles");
        assertThat(console.page.locator("#not-authorized")).containsText("Not authorized");
        assertThat(console.page.locator("#permissions")).hasCount(0);
        console.screenshot("console-not-authorized.png");
        for (String path : List.of("/topics", "/rules", "/playground")) {
            console.open(path);
            assertThat(console.page.locator("#not-authorized")).containsText("audit@acme.test");
            assertThat(console.page.locator("#topics, #rules, #playground")).hasCount(0);
        }
    }

    @Test
    void the_admin_adds_a_topic_whose_misplaced_example_the_check_flags_and_removes_it_again() {
        console.signIn("admin@acme.test");
        console.open("/topics");
        assertThat(console.page.locator("#topic-list")).containsText("personnel");

        console.page.click("#remove-topic-pricing");
        assertThat(feedback("Refused: topic pricing is still used by roles")).isVisible();

        console.page.fill("#topic-id input", "onboarding");
        console.page.fill(
                "#topic-description textarea",
                "Getting started: the kickoff, training sessions, the implementation plan and go-live.");
        console.page.fill(
                "#topic-examples textarea",
                String.join(
                        "\n",
                        "how long does onboarding usually take",
                        "who runs the kickoff training for our team",
                        "what does the implementation plan look like before go-live",
                        MISPLACED_EXAMPLE));
        console.page.fill("#topic-playbook textarea", "Onboarding takes about two weeks with a named specialist.");
        console.page.click("#save-topic");
        assertThat(feedback("Saved: topics.onboarding")).isVisible();
        assertThat(console.page.locator("#topic-list")).containsText("Getting started");

        console.page.click("#check-examples");
        assertThat(console.page.locator("#example-flags"))
                .containsText(Pattern.compile("onboarding: \\d of 4 examples land elsewhere \\(.*pricing"));
        assertThat(console.page.locator("#example-checks")).containsText(MISPLACED_EXAMPLE);
        assertThat(console.page.locator("#example-checks")).containsText("lands on pricing");
        console.screenshotWhenQuiet("#example-flags", "console-topics.png");

        console.page.click("#remove-topic-onboarding");
        assertThat(feedback("Removed topic onboarding")).isVisible();
        assertThat(console.visibleCells("#topic-list", "Getting started")).hasCount(0);
    }

    @Test
    void a_rule_is_read_saved_disabled_and_changes_the_evaluation_only_once_enabled() {
        var api = new Api(base.toString().replaceAll("/$", ""));
        String mgr = api.login("mgr@acme.test");
        String evaluate = "{\"text\":\"" + SEAT_PRICE_QUESTION + "\"}";
        assertEquals("AUTO", outcome(api, mgr, evaluate));

        console.signIn("admin@acme.test");
        console.open("/rules");
        assertThat(console.page.locator("#rule-list")).containsText("no-personnel");
        console.page.fill("#rule-id input", "mgr-no-pricing");
        console.page.fill("#rule-text textarea", "Be nice to everyone about money");
        console.page.click("#save-rule");
        assertThat(feedback("Refused: Proxy Me cannot read this rule: cannot tell whether"))
                .isVisible();
        assertThat(console.page.locator("#rule-list")).not().containsText("mgr-no-pricing");

        console.page.fill("#rule-text textarea", "Never discuss pricing, discounts or quotes.");
        console.pick("#rule-scope", "user");
        console.pick("#rule-subject", "mgr@acme.test");
        console.page.click("#save-rule");
        assertThat(console.page.locator("#rule-understood")).containsText("Understood as DENY");
        assertThat(console.page.locator("#rule-understood")).containsText("topics: pricing");
        assertThat(console.page.locator("#rule-understood")).containsText("for user mgr@acme.test");
        assertThat(console.page.locator("#rule-understood")).containsText("disabled");
        console.screenshotWhenQuiet("#rule-understood", "console-rules.png");
        assertEquals("AUTO", outcome(api, mgr, evaluate), "a rule saved disabled changes nothing");

        console.page.click("#enable-read-rule");
        assertThat(feedback("Enabled mgr-no-pricing")).isVisible();
        assertThat(console.page.locator("#rule-understood")).containsText("in force");
        var after = api.post("/api/policy/evaluate", mgr, evaluate).json();
        assertEquals("DENY", after.get("outcome").asText(), after.toString());
        assertEquals("rules", after.get("layer").asText(), after.toString());

        console.page.click("#remove-rule-mgr-no-pricing");
        assertThat(feedback("Removed rule mgr-no-pricing")).isVisible();
        assertEquals("AUTO", outcome(api, mgr, evaluate));
    }

    @Test
    void the_playground_shows_the_real_decision_what_would_change_it_and_saves_it_as_a_policy_test() {
        var api = new Api(base.toString().replaceAll("/$", ""));
        String admin = api.login("admin@acme.test");
        String before = api.get("/api/policy", admin).body();
        console.signIn("admin@acme.test");
        console.open("/playground");

        console.page.fill("#utterance textarea", DISCOUNT_QUESTION);
        console.pick("#evaluate-for", "jae@acme.test");
        console.page.click("#evaluate");
        assertThat(console.page.locator("#outcome")).hasText("DENY");
        assertThat(console.page.locator("#layer")).hasText("fga");
        assertThat(console.page.locator("#topic")).hasText("pricing");
        assertThat(console.page.locator("#trace")).containsText("role junior_ae may not answer pricing");
        assertThat(console.page.locator("#what-if")).containsText("if role junior_ae had AUTO on pricing");
        console.screenshot("console-playground.png");

        try {
            console.page.click("#save-case");
            assertThat(feedback("Saved as policy test: expects DENY by fga")).isVisible();
            String file = api.get("/api/policy", admin).body();
            assertTrue(
                    file.contains("  - text: \"" + DISCOUNT_QUESTION + "\"\n    member: jae@acme.test\n"
                            + "    expect: {outcome: DENY, layer: fga}\n"),
                    file);
            console.page.click("#save-case");
            assertThat(feedback("This case is a policy test already")).isVisible();

            // the saved case now guards every change: letting junior AEs answer pricing alone breaks it
            console.open("/roles");
            console.pick("#cell-junior_ae-pricing", "AUTO");
            console.page.click("#save");
            assertThat(feedback("expected DENY by fga, decided AUTO by fga")).isVisible();
            assertTrue(api.get("/api/policy", admin).body().contains(DISCOUNT_QUESTION), "the case is kept");
            console.open("/playground");

            console.page.fill("#utterance textarea", SEAT_PRICE_QUESTION);
            console.pick("#evaluate-for", "role sales_manager");
            console.page.click("#evaluate");
            assertThat(console.page.locator("#outcome")).hasText("AUTO");

            console.page.fill("#utterance textarea", "thanks everyone, that was really helpful");
            console.page.click("#evaluate");
            assertThat(console.page.locator("#outcome")).hasText("NONE");
            assertThat(console.page.locator("#what-if")).containsText("Not read as a question");
        } finally {
            // the file goes back as it was, so that the saved case holds no later test to its expectation
            var restored = api.put("/api/policy", admin, "application/yaml", before);
            assertEquals(200, restored.status(), restored.body());
        }
    }

    @Test
    void another_organisations_admin_sees_only_their_own_rules_and_members() {
        console.signIn("admin@globex.test");
        console.open("/rules");
        assertThat(console.page.locator("#rule-list")).containsText("no-personnel");
        assertThat(console.page.locator("#rule-list")).not().containsText("ask-before-commitments");
        console.open("/playground");
        console.page.locator("#evaluate-for").click();
        assertThat(console.page.locator("vaadin-select-list-box").first()).containsText("sam@globex.test");
        assertThat(console.page.locator("vaadin-select-list-box").first()).not().containsText("acme.test");
    }

    @Test
    void the_reviewer_filters_the_trail_opens_a_meeting_marks_it_reviewed_and_shares_it() {
        String meeting = "review-" + System.nanoTime() % 1_000_000;
        String base = this.base.toString().replaceAll("/$", "");
        var api = new Api(base);
        try (var jae = WsClient.connect(base.replaceFirst("^http", "ws"), meeting, api.login("jae@acme.test"))) {
            jae.awaitType("state");
            jae.chunk(1, "What discount could you give us on a three year contract?");
            assertEquals("DENY", jae.awaitType("decision", 1).get("outcome").asText());
        }

        console.signIn("audit@acme.test");
        console.page.fill("#filter-meeting input", meeting);
        console.page.press("#filter-meeting input", "Enter");
        assertThat(console.page.locator("#events")).containsText("textDigest");
        console.page
                .locator("#filter-outcome vaadin-radio-button", new Page.LocatorOptions().setHasText("DENY"))
                .click();
        // the grid keeps rows it no longer shows in the page, hidden: only visible cells count
        assertThat(console.visibleCells("#events", "textDigest")).hasCount(0);
        assertThat(console.page.locator("#events")).containsText("role junior_ae may not answer pricing");
        console.screenshot("console-audit.png");

        console.page
                .locator("#events a", new Page.LocatorOptions().setHasText(meeting))
                .first()
                .click();
        assertThat(console.page.locator("#meeting-verdict")).containsText("Intact");
        console.page.fill("#review-comment textarea", "Discount question refused as it should be");
        console.page.click("#mark-reviewed");
        assertThat(console.page.locator("#timeline")).containsText("Discount question refused as it should be");
        console.page.click("#share");
        assertThat(console.page.locator("#share-url")).containsText("/share/");
        assertThat(console.page.locator("#share-links")).containsText("active");
        console.screenshot("console-meeting.png");

        console.open("/audit/meeting/no-such-" + meeting);
        assertThat(console.page.locator("#meeting")).containsText("No meeting");
        assertThat(console.page.locator("#timeline")).hasCount(0);
    }

    /** The notification saying {@code text} (the newest of several open ones is not always the last). */
    private Locator feedback(String text) {
        return console.page
                .locator("vaadin-notification-card.feedback", new Page.LocatorOptions().setHasText(text))
                .first();
    }

    private static String outcome(Api api, String token, String body) {
        return api.post("/api/policy/evaluate", token, body)
                .json()
                .get("outcome")
                .asText();
    }

    @Test
    void a_member_without_an_admin_role_is_not_authorized_anywhere() {
        console.signIn("jae@acme.test");

        assertThat(console.page.locator("#not-authorized")).containsText("jae@acme.test (junior_ae of acme)");
        console.open("/audit");
        assertThat(console.page.locator("#not-authorized")).isVisible();
        assertThat(console.page.locator("#audit")).hasCount(0);
    }

    @Test
    void a_lost_session_returns_to_sign_in() {
        console.signIn("admin@acme.test");
        assertThat(console.page.locator("#roles")).isVisible();

        console.context.clearCookies();
        console.page.reload();

        assertThat(console.page.locator("#signin")).isVisible();
        console.open("/roles");
        assertThat(console.page.locator("#signin")).isVisible();
        assertThat(console.page.locator("#permissions")).hasCount(0);
    }

    /** Two agents registered over the API, both granted by ae@acme.test, and a chain started to the first. */
    private record LiveChain(RemoteAgent automotive, RemoteAgent finance, Map<String, Object> atAutomotive) {
        String chainId() {
            return (String) atAutomotive.get("chainId");
        }

        GatewayHttp.Reply toFinance() {
            return automotive.handOff(
                    automotive.next(atAutomotive, finance, List.of("agent:finance"), "EVs hit max torque from 0 rpm"));
        }
    }

    private LiveChain liveChain() {
        var http = new GatewayHttp(base.toString());
        String admin = http.login("admin@acme.test");
        String user = http.login("ae@acme.test");
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        var automotive = RemoteAgent.register(
                http, admin, "car-" + suffix, "Automotive", "automotive", List.of("agent:automotive", "read:profile"));
        var finance = RemoteAgent.register(
                http, admin, "fin-" + suffix, "Finance Advisor", "finance", List.of("agent:finance"));
        http.putJson("/api/aci/grants/" + automotive.id(), user, Map.of("permissions", List.of("agent:automotive")))
                .expect(200, "grant to automotive");
        http.putJson("/api/aci/grants/" + finance.id(), user, Map.of("permissions", List.of("agent:finance")))
                .expect(200, "grant to finance");
        http.postJson(
                        "/api/aci/chains",
                        user,
                        Map.of(
                                "to",
                                automotive.id(),
                                "permissions",
                                List.of("agent:automotive"),
                                "reason",
                                "Compare the car with an index fund",
                                "content",
                                Map.of(
                                        "primary",
                                        "Is a Model 3 a good buy? Mail me at ae@acme.test",
                                        "confidence",
                                        0.9),
                                "maxDepth",
                                3))
                .expect(201, "chain started");
        return new LiveChain(automotive, finance, automotive.receive(5));
    }

    @Test
    void the_reviewer_opens_a_real_chains_timeline_with_each_check_and_its_ms_but_not_the_agents() {
        LiveChain chain = liveChain();
        chain.toFinance().expect(202, "hop to finance");

        console.signIn("audit@acme.test");
        console.open("/chains");
        assertThat(console.page.locator("#screens")).containsText("Agent chains");
        assertThat(console.page.locator("#screens")).not().containsText("Agents");
        console.visibleCells("#chain-list", chain.chainId()).first().click();
        assertThat(console.page.locator("#chain")).containsText("Chain " + chain.chainId());
        assertThat(console.page.locator("#chain-summary")).containsText("2 hops");
        assertThat(console.page.locator("#chain-summary")).containsText("✓ agent:finance");
        assertThat(console.page.locator("#chain"))
                .containsText(chain.automotive().id() + " → " + chain.finance().id());
        Locator checks = console.page.locator(".hop-checks").last();
        for (String check : List.of("schema", "signature", "revocation", "permissions", "pii", "anomaly")) {
            assertThat(checks).containsText(check);
        }
        assertThat(checks.locator(
                        "vaadin-grid-cell-content",
                        new Locator.LocatorOptions().setHasText(Pattern.compile("^\\d+\\.\\d\\d$"))))
                .not()
                .hasCount(0);
        console.screenshot("console-chains.png");

        console.open("/agents");
        assertThat(console.page.locator("#not-authorized")).containsText("Not authorized");
        assertThat(console.page.locator("#agents")).hasCount(0);
        console.open("/chains/chain/ch_not-ours");
        assertThat(console.page.locator("#chain")).containsText("No chain");
    }

    @Test
    void the_admin_registers_an_agent_with_a_pasted_jwk_sees_its_secret_once_and_disables_it() {
        var http = new GatewayHttp(base.toString());
        String id = "pasted-" + UUID.randomUUID().toString().substring(0, 8);
        console.signIn("admin@acme.test");
        console.open("/agents");
        console.page.fill("#agent-id input", id);
        console.page.fill("#agent-name input", "Pasted Agent");
        console.page.fill("#agent-domain input", "crm");
        console.page.fill("#agent-ceiling input", "write:crm, launch:missiles");
        console.page.fill("#agent-jwk textarea", "{\"kty\":\"EC\",\"crv\":\"P-256\"}");
        console.page.click("#register-agent");
        assertThat(feedback("jwk")).isVisible();
        console.page.fill("#agent-jwk textarea", new SigningAgent(id).publicJwk());
        console.page.click("#register-agent");
        assertThat(feedback("launch:missiles is not defined by the policy")).isVisible();
        console.page.fill("#agent-ceiling input", "write:crm");
        console.page.click("#register-agent");
        assertThat(console.page.locator("#agent-credentials")).containsText("client secret: ");
        assertThat(console.page.locator("#agent-list")).containsText(id);
        String shown = console.page.locator("#agent-credentials").textContent();
        Matcher m =
                Pattern.compile("Client id: (\\S+) · client secret: (\\S+) ").matcher(shown);
        assertTrue(m.find(), shown);
        console.screenshot("console-agents.png");
        String token = http.post(
                        "/api/aci/token",
                        null,
                        "application/x-www-form-urlencoded",
                        "grant_type=client_credentials&client_id=" + m.group(1) + "&client_secret=" + m.group(2))
                .expect(200, "token of the pasted agent")
                .json()
                .get("access_token")
                .asText();
        http.get("/api/aci/inbox?wait=0", token).expect(200, "inbox before disabling");

        console.page.reload();
        assertThat(console.page.locator("#agent-list")).containsText(id);
        assertThat(console.page.locator("#agent-credentials")).not().containsText("client secret");
        console.page.click("#disable-" + id);
        console.page.click("#confirm-disable");
        assertThat(feedback("Disabled " + id)).isVisible();
        assertThat(console.page.locator("#disable-" + id)).isDisabled();
        assertEquals(401, http.get("/api/aci/inbox?wait=0", token).status());
    }

    @Test
    void the_admin_revokes_a_members_grant_and_the_next_hop_is_refused_revoked() {
        LiveChain chain = liveChain();
        console.signIn("admin@acme.test");
        console.open("/grants");
        console.page.locator("#grant-member").click();
        console.page
                .locator(
                        "vaadin-select-list-box vaadin-select-item:visible",
                        new Page.LocatorOptions().setHasText(Pattern.compile("^\\s*ae@acme\\.test\\s*$")))
                .first()
                .click();
        assertThat(console.page.locator("#grant-list"))
                .containsText(chain.finance().id());
        console.page.click("#revoke-" + chain.finance().id());
        assertThat(console.page.locator("vaadin-notification-card.feedback").last())
                .containsText(
                        "Revoked ae@acme.test's grant to " + chain.finance().id());
        GatewayHttp.Reply next = chain.toFinance();
        assertEquals(403, next.status(), next.body());
        assertEquals("revoked", next.json().get("error").asText(), next.body());
    }
}
