package app.proxyme.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
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
 * The phone page in headless Chromium beside the overlay: the overlay shows a QR code, the phone (a second browser
 * context with a phone's screen) opens its link, pairs once, sees the held answer with its full text live, and its
 * Approve reaches the overlay's card. Screenshots go to {@code target/screenshots}, or to {@code
 * -Dproxyme.screenshots.dir}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PhonePageBrowserIT {
    /** Where the screenshots of the pairing panel and the phone page go (README links those in {@code docs/}). */
    private static final java.nio.file.Path SCREENSHOTS =
            java.nio.file.Path.of(System.getProperty("proxyme.screenshots.dir", "target/screenshots"));

    /** The address a phone would reach the server at; the test's browser swaps it for the server's own. */
    private static final String PUBLIC_URL = "https://proxyme.example.test";

    private static Chromium chromium;

    @Deployment(testable = false)
    static JavaArchive proxyMe() {
        return Deployments.proxyMe("proxyme.approval.timeout.s=300", "proxyme.public.url=" + PUBLIC_URL);
    }

    @ArquillianResource
    URL base;

    private OverlayPage overlay;
    private BrowserContext phone;

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
    void pages() {
        overlay = new OverlayPage(chromium.browser, base.toString().replaceAll("/$", ""));
        phone = phoneContext(chromium.browser);
    }

    @AfterEach
    void closePages() {
        overlay.close();
        phone.close();
    }

    private static BrowserContext phoneContext(Browser browser) {
        return browser.newContext(new Browser.NewContextOptions()
                .setViewportSize(390, 844)
                .setIsMobile(true)
                .setHasTouch(true));
    }

    /** Shows the pairing code in the overlay; answers the link the QR code holds. */
    private String pairingLink() {
        overlay.page.locator("#phone-box > summary").click();
        overlay.page.locator("#pair").click();
        Locator qr = overlay.page.locator("#pair-qr");
        assertThat(qr).isVisible();
        assertThat(qr).hasAttribute("src", Pattern.compile("^data:image/svg\\+xml;base64,"));
        assertThat(overlay.page.locator("#pair-hint")).isHidden();
        assertThat(overlay.page.locator("#pair-expiry")).hasText(Pattern.compile("valid for [0-4]:\\d\\d"));
        String link = overlay.page.locator("#pair-link").getAttribute("href");
        assertTrue(link.matches(Pattern.quote(PUBLIC_URL) + "/approve#code=[A-Za-z0-9_-]{32}"), link);
        return base.toString().replaceAll("/$", "") + link.substring(PUBLIC_URL.length());
    }

    @Test
    void a_paired_phone_sees_a_held_answer_live_and_approves_it_for_the_overlay() {
        overlay.open().signIn("jae@acme.test", OverlayBrowserIT.meeting("phone"));
        String link = pairingLink();

        Page mobile = phone.newPage();
        mobile.navigate(link);
        assertThat(mobile.locator("#who")).containsText("Paired with");
        assertThat(mobile.locator("#conn")).hasAttribute("data-state", "open");
        assertThat(mobile.locator("#empty")).isVisible();
        assertTrue(!mobile.url().contains("code="), "the spent code leaves the address bar: " + mobile.url());

        long seq = overlay.say(OverlayBrowserIT.APPROVE_JAE);
        Locator card = overlay.card(seq);
        assertThat(card).hasAttribute("data-kind", "pending");
        String answer = card.locator(".answer").textContent().strip();

        Locator held = mobile.locator("li.approval.PENDING");
        assertThat(held).hasCount(1);
        assertThat(held.locator(".topic")).hasText("security");
        assertThat(held.locator(".text")).hasText(answer);
        assertThat(held.locator(".binding")).not().isEmpty();
        assertThat(held.locator(".status")).hasText(Pattern.compile("\\d+ min \\d+ s left|\\d+ s left"));
        assertThat(held.locator(".status")).hasText(Pattern.compile("\\d+ min \\d+ s left"));
        overlay.page
                .locator("#pairing")
                .screenshot(new com.microsoft.playwright.Locator.ScreenshotOptions()
                        .setPath(SCREENSHOTS.resolve("overlay-pairing.png")));
        mobile.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("phone-approvals.png")));
        held.locator("button.approve").click();

        assertThat(card).hasAttribute("data-kind", "approved");
        assertThat(mobile.locator("li.approval.APPROVED .status")).hasText("Approved");
    }

    @Test
    void a_code_pairs_one_phone_only_and_the_second_is_told_to_get_a_new_one() {
        overlay.open().signIn("jae@acme.test", OverlayBrowserIT.meeting("phone-once"));
        String link = pairingLink();

        Page first = phone.newPage();
        first.navigate(link);
        assertThat(first.locator("#conn")).hasAttribute("data-state", "open");

        try (BrowserContext another = phoneContext(chromium.browser)) {
            Page second = another.newPage();
            second.navigate(link);
            assertThat(second.locator("#message")).containsText("used already or has expired");
            assertThat(second.locator("#who")).isHidden();
        }
    }

    @Test
    void the_phone_page_without_a_code_says_how_to_pair() {
        Page mobile = phone.newPage();
        mobile.navigate(base.toString().replaceAll("/$", "") + "/approve");
        assertThat(mobile.locator("#message")).containsText("scanning the pairing code");
    }
}
