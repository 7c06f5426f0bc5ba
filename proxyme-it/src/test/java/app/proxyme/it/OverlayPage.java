package app.proxyme.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/** The overlay as a user sees it: sign in, say something, find the card and the flow of a chunk. */
final class OverlayPage implements AutoCloseable {
    final BrowserContext context;
    final Page page;
    private final String base;

    OverlayPage(Browser browser, String base) {
        this.base = base;
        this.context = browser.newContext(new Browser.NewContextOptions().setViewportSize(380, 760));
        this.page = context.newPage();
    }

    OverlayPage open() {
        page.navigate(base + "/");
        return this;
    }

    OverlayPage signIn(String email, String meeting) {
        page.locator("#users input[value='" + email + "']").check();
        page.fill("#meeting", meeting);
        page.click("#join");
        assertConnected();
        return this;
    }

    void assertConnected() {
        assertThat(page.locator("#conn")).hasAttribute("data-state", "open");
    }

    /** Types what was said and presses Enter; returns the chunk's seq. */
    long say(String text) {
        page.fill("#text", text);
        page.press("#text", "Enter");
        return seq();
    }

    long seq() {
        return ((Number) page.evaluate("window.__proxyme.seq()")).longValue();
    }

    Locator card(long seq) {
        return page.locator("#cards > li[data-seq='" + seq + "']");
    }

    Locator cards() {
        return page.locator("#cards > li");
    }

    Locator flow(long seq) {
        return page.locator("#ticker > li[data-seq='" + seq + "']");
    }

    Locator toggle(String topic) {
        return page.locator("#toggles input[data-topic='" + topic + "']");
    }

    Locator contextField(String name) {
        return page.locator("#meeting-context [data-name='" + name + "']");
    }

    /** Sets a numeric meeting value in the meeting settings and saves it; waits until the server echoes it. */
    void setContext(String name, String value) {
        contextField(name).fill(value);
        page.click("#meeting-context button[type=submit]");
        assertThat(page.locator("#meeting-context"))
                .hasAttribute(
                        "data-values",
                        // Playwright hands the pattern to the browser: escaped by hand, JavaScript knows no \Q…\E
                        java.util.regex.Pattern.compile(
                                "\"" + name + "\":" + value.replaceAll("[^A-Za-z0-9]", "\\\\$0") + "[,}]"));
    }

    @Override
    public void close() {
        context.close();
    }
}
