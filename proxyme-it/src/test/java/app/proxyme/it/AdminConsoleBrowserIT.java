package app.proxyme.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.proxyme.web.Api;
import app.proxyme.web.WsClient;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.List;
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
        assertThat(console.page.locator("vaadin-notification-card.feedback").last())
                .containsText("no member would be left with role org_admin");
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
        assertThat(console.page.locator("vaadin-notification-card.feedback").last())
                .containsText("Applied: name");
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
}
