package app.proxyme.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.nio.file.Path;

/** The admin console as its user sees it: sign in, open a screen, pick values, take a screenshot. */
final class ConsolePage implements AutoCloseable {
    final BrowserContext context;
    final Page page;
    private final String base;

    ConsolePage(Browser browser, String base) {
        this.base = base;
        this.context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1400, 900));
        this.page = context.newPage();
    }

    /** Opens the console at {@code path} ({@code /roles}, ...). */
    ConsolePage open(String path) {
        page.navigate(base + path);
        return this;
    }

    /** Signs in as a demo user from the sign-in screen and waits for the first screen. */
    ConsolePage signIn(String email) {
        open("/");
        assertThat(page.locator("#signin")).isVisible();
        pick("#user", email);
        page.click("#sign-in");
        assertThat(page.locator("#signin")).hasCount(0);
        return this;
    }

    /** Opens a {@code vaadin-select} and picks the item whose text contains {@code text}. */
    void pick(String select, String text) {
        page.locator(select).click();
        page.locator("vaadin-select-list-box vaadin-select-item:visible", new Page.LocatorOptions().setHasText(text))
                .first()
                .click();
    }

    /** The visible cells of a grid that contain the text (a grid keeps rows it no longer shows, hidden). */
    Locator visibleCells(String grid, String text) {
        return page.locator(grid + " vaadin-grid-cell-content:visible", new Page.LocatorOptions().setHasText(text));
    }

    Locator cell(String role, String topic) {
        return page.locator("#cell-" + role + "-" + topic);
    }

    void screenshot(String name) {
        Path dir = Path.of(System.getProperty("proxyme.screenshots.dir", "target/screenshots"));
        page.screenshot(new Page.ScreenshotOptions().setPath(dir.resolve(name)).setFullPage(true));
    }

    /** A screenshot with {@code element} scrolled into view, once the notifications have gone. */
    void screenshotWhenQuiet(String element, String name) {
        assertThat(page.locator("vaadin-notification-card")).hasCount(0);
        page.locator(element).scrollIntoViewIfNeeded();
        screenshot(name);
    }

    @Override
    public void close() {
        context.close();
    }
}
