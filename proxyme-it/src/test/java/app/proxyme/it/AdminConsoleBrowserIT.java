package app.proxyme.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import app.proxyme.web.Api;
import app.proxyme.web.WsClient;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
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
 * which screen, and that a permission changed in the grid is what the decision then uses.
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
        assertThat(console.page.locator("#screens")).not().containsText("Roles");
        console.open("/roles");
        assertThat(console.page.locator("#not-authorized")).containsText("Not authorized");
        assertThat(console.page.locator("#permissions")).hasCount(0);
        console.screenshot("console-not-authorized.png");
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
