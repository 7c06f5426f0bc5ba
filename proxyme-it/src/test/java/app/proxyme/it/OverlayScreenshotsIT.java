package app.proxyme.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The overlay's main states, with an approval that expires: cards of every kind, a pending approval with its
 * countdown, the flow ticker. Screenshots go to {@code target/screenshots}, or to {@code -Dproxyme.screenshots.dir}
 * (README: {@code docs/}).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OverlayScreenshotsIT {
    static final int DEADLINE_S = 8;

    @Deployment(testable = false)
    static JavaArchive proxyMe() {
        return Deployments.proxyMe("proxyme.approval.timeout.s=" + DEADLINE_S);
    }

    @ArquillianResource
    URL base;

    @Test
    void every_kind_of_card_and_the_ticker() throws Exception {
        Path dir = Path.of(System.getProperty("proxyme.screenshots.dir", "target/screenshots"));
        Files.createDirectories(dir);
        PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
        try (var chromium = Chromium.launch();
                var overlay = new OverlayPage(chromium.browser, base.toString().replaceAll("/$", ""))) {
            Page page = overlay.page;
            overlay.open();
            assertThat(page.locator("#users label.user").first()).isVisible();
            page.locator("#users input[value='jae@acme.test']").check();
            page.fill("#meeting", "m-demo");
            page.screenshot(new Page.ScreenshotOptions().setPath(dir.resolve("overlay-signin.png")));
            page.click("#join");
            overlay.assertConnected();

            // An approval left alone expires after the (short) deadline.
            long expiring = overlay.say("Can you send us your latest SOC 2 report?");
            assertThat(overlay.card(expiring)).hasAttribute("data-kind", "pending");
            assertThat(overlay.card(expiring))
                    .hasAttribute(
                            "data-kind",
                            "expired",
                            new com.microsoft.playwright.assertions.LocatorAssertions.HasAttributeOptions()
                                    .setTimeout(DEADLINE_S * 1000 + 10_000));
            assertThat(overlay.card(expiring).locator("button")).hasCount(0);

            assertThat(overlay.card(overlay.say(OverlayBrowserIT.NONE))).hasAttribute("data-kind", "none");
            assertThat(overlay.card(overlay.say(OverlayBrowserIT.DENY_JAE))).hasAttribute("data-kind", "refused");
            long denied = overlay.say("Does login work through SAML with Azure AD?");
            overlay.card(denied).locator("button.deny").click();
            assertThat(overlay.card(denied)).hasAttribute("data-kind", "denied");
            long approved = overlay.say("Is traffic between our browsers and your servers encrypted with TLS?");
            overlay.card(approved).locator("button.approve").click();
            assertThat(overlay.card(approved)).hasAttribute("data-kind", "approved");
            assertThat(overlay.card(overlay.say("Can the dashboards be filtered by region and by owner?")))
                    .hasAttribute("data-kind", "auto");
            Locator pending = overlay.card(overlay.say(OverlayBrowserIT.APPROVE_JAE));
            assertThat(pending).hasAttribute("data-kind", "pending");
            page.locator("#text").blur();

            page.screenshot(new Page.ScreenshotOptions()
                    .setPath(dir.resolve("overlay-cards.png"))
                    .setFullPage(true));
            pending.screenshot(new Locator.ScreenshotOptions().setPath(dir.resolve("overlay-pending.png")));
            page.locator("#ticker-box")
                    .screenshot(new Locator.ScreenshotOptions().setPath(dir.resolve("overlay-ticker.png")));
        }
        for (String name :
                new String[] {"overlay-signin.png", "overlay-cards.png", "overlay-pending.png", "overlay-ticker.png"}) {
            long size = Files.size(dir.resolve(name));
            assertTrue(size > 1_000 && size < 400_000, name + " is " + size + " bytes");
        }
    }
}
