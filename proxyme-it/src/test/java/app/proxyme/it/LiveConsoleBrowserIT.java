package app.proxyme.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import app.proxyme.web.Api;
import app.proxyme.web.WsClient;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
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
 * The console's Live screen in headless Chromium against the whole server: a meeting driven through the real
 * WebSocket appears with its flow steps and decision streaming in (Push, no reload), a held suggestion shows under
 * pending approvals, another organisation's admin sees none of it, and the compliance reviewer cannot open it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LiveConsoleBrowserIT {
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

    private String http() {
        return base.toString().replaceAll("/$", "");
    }

    @Test
    void the_admin_watches_a_meeting_stream_in_and_its_held_suggestion_wait_for_approval() {
        String meeting = "live-" + System.nanoTime() % 1_000_000;
        var api = new Api(http());
        console.signIn("admin@acme.test");
        console.page
                .locator("#screens vaadin-side-nav-item", new Page.LocatorOptions().setHasText("Live"))
                .click();
        assertThat(console.page.locator("#live")).isVisible();
        assertThat(console.page.locator("#live-scope")).containsText("this console's instance");

        try (var jae = WsClient.connect(http().replaceFirst("^http", "ws"), meeting, api.login("jae@acme.test"))) {
            jae.awaitType("state");
            var box = console.page.locator("#meeting-" + meeting);
            assertThat(box).containsText("Connected: jae@acme.test");

            jae.chunk(1, DISCOUNT_QUESTION);
            assertEquals("DENY", jae.awaitType("decision", 1).get("outcome").asText());
            var chunk1 = box.locator(".chunk", new Locator.LocatorOptions().setHasText("jae@acme.test #1"));
            assertThat(chunk1).containsText("token_vault");
            assertThat(chunk1).containsText("classify");
            assertThat(chunk1).containsText("fga");
            assertThat(chunk1.locator(".decision")).containsText("DENY by fga");
            assertThat(chunk1).containsText(" ms");

            jae.chunk(2, SECURITY_QUESTION);
            assertEquals("APPROVE", jae.awaitType("decision", 2).get("outcome").asText());
            assertEquals(
                    "PENDING_APPROVAL",
                    jae.awaitType("suggestion", 2).get("status").asText());
            var chunk2 = box.locator(".chunk", new Locator.LocatorOptions().setHasText("jae@acme.test #2"));
            assertThat(chunk2.locator(".decision")).containsText("APPROVE");
            assertThat(chunk2).containsText("approval_request");
            assertThat(console.visibleCells("#pending-approvals", "jae@acme.test"))
                    .hasCount(1);
            assertThat(console.visibleCells("#pending-approvals", "security")).hasCount(1);
            assertThat(console.visibleCells("#pending-approvals", meeting)).hasCount(1);
            console.screenshot("console-live.png");
        }
        assertThat(console.page.locator("#meeting-" + meeting)).hasCount(0);
    }

    @Test
    void another_organisations_admin_does_not_see_the_meeting_nor_its_approvals() {
        String meeting = "acme-only-" + System.nanoTime() % 1_000_000;
        var api = new Api(http());
        console.signIn("admin@globex.test");
        console.open("/live");
        assertThat(console.page.locator("#live")).isVisible();
        try (var jae = WsClient.connect(http().replaceFirst("^http", "ws"), meeting, api.login("jae@acme.test"))) {
            jae.awaitType("state");
            jae.chunk(1, SECURITY_QUESTION);
            assertEquals("APPROVE", jae.awaitType("decision", 1).get("outcome").asText());
            jae.awaitType("suggestion", 1);
            // past a refresh of the screen (every 3 s), and the events had their chance to stream in
            console.page.waitForTimeout(4_000);
            assertThat(console.page.locator("#live")).not().containsText(meeting);
            assertThat(console.page.locator("#live")).not().containsText("jae@acme.test");
        }
    }

    @Test
    void the_reviewer_cannot_open_live() {
        console.signIn("audit@acme.test");
        assertThat(console.page.locator("#audit")).isVisible();
        assertThat(console.page.locator("#screens")).not().containsText("Live");
        console.open("/live");
        assertThat(console.page.locator("#not-authorized")).containsText("Not authorized");
        assertThat(console.page.locator("#live")).hasCount(0);
    }
}
