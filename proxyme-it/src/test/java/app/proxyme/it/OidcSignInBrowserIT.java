package app.proxyme.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.proxyme.engine.testsupport.OidcStub;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The overlay signs in with an OpenID provider (a local stub) through Authorization Code with PKCE, in headless
 * Chromium against the real {@code proxyme.jar} with {@code PROXYME_IDENTITY=oidc}: no demo picker, no secret in the
 * page, the code exchanged once with its S256 verifier, and a provider account that is no member is refused.
 */
@Timeout(240)
class OidcSignInBrowserIT {
    private static final String CLIENT_ID = "proxyme-overlay";
    private static OidcStub idp;
    private static ProxymeProcess server;
    private static Chromium chromium;
    private OverlayPage overlay;

    @BeforeAll
    static void start() throws Exception {
        chromium = Chromium.launch();
        PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
        idp = new OidcStub();
        server = ProxymeProcess.start(
                "oidc-browser",
                Files.createTempDirectory("proxyme-oidc-browser"),
                ProxymeProcess.freePort(),
                Map.of(
                        "PROXYME_IDENTITY",
                        "oidc",
                        "PROXYME_OIDC_ISSUER",
                        idp.issuer(),
                        "PROXYME_OIDC_AUDIENCE",
                        OidcStub.AUDIENCE,
                        "PROXYME_OIDC_CLIENT_ID",
                        CLIENT_ID));
        server.awaitUp();
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
        if (idp != null) {
            idp.close();
        }
        if (chromium != null) {
            chromium.close();
        }
    }

    @BeforeEach
    void page() {
        overlay = new OverlayPage(chromium.browser, server.base());
    }

    @AfterEach
    void closePage() {
        overlay.close();
    }

    private void signInTo(String meeting) {
        overlay.open();
        assertThat(overlay.page.locator("#signin-title")).hasText("Sign in");
        assertThat(overlay.page.locator("#users input[type=radio]")).hasCount(0);
        overlay.page.fill("#meeting", meeting);
        overlay.page.click("#join");
    }

    @Test
    void a_member_signs_in_at_the_provider_with_pkce_and_joins_the_meeting() {
        idp.signInAs("auth0|jae@acme.test");
        int before = idp.tokenRequests().size();
        signInTo("oidc-" + System.nanoTime());

        overlay.assertConnected();
        assertThat(overlay.page.locator("#who")).containsText("junior_ae · acme");
        assertFalse(overlay.page.url().contains("code="), "the spent code leaves the address bar");
        long seq = overlay.say(OverlayBrowserIT.APPROVE_JAE);
        assertThat(overlay.card(seq)).hasAttribute("data-kind", "pending");

        Map<String, String> asked = idp.authorizeRequests().getLast();
        assertEquals(CLIENT_ID, asked.get("client_id"));
        assertEquals("S256", asked.get("code_challenge_method"));
        assertEquals(OidcStub.AUDIENCE, asked.get("audience"));
        assertEquals(server.base() + "/", asked.get("redirect_uri"));
        assertTrue(asked.get("scope").contains("openid"));
        List<Map<String, String>> exchanges = idp.tokenRequests();
        assertEquals(before + 1, exchanges.size(), "the code is exchanged once");
        Map<String, String> exchange = exchanges.getLast();
        assertTrue(exchange.get("code_verifier").matches("[A-Za-z0-9_-]{43}"), exchange.toString());
        assertFalse(exchange.containsKey("client_secret"), "a public client: no secret in the page");
    }

    @Test
    void a_provider_account_that_is_no_member_is_told_so_and_not_signed_in() {
        idp.signInAs("auth0|stranger@acme.test");
        signInTo("oidc-" + System.nanoTime());
        assertThat(overlay.page.locator("#signin-error")).containsText("not a member");
        assertThat(overlay.page.locator("#meeting-view")).isHidden();
    }

    @Test
    void a_refused_sign_in_says_why() {
        idp.signInAs(null);
        signInTo("oidc-" + System.nanoTime());
        assertThat(overlay.page.locator("#signin-error")).containsText("the user declined");
        assertThat(overlay.page.locator("#meeting-view")).isHidden();
    }
}
