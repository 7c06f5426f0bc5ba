package app.proxyme.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import app.proxyme.it.aci.GatewayHttp;
import app.proxyme.it.aci.RemoteAgent;
import app.proxyme.it.aci.SeedExample;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
 * ACI consent in the overlay, in Chromium: an external agent's hop that needs the user's consent shows a card with
 * each permission's description, the receiving agent and its reason, still there after a reload; Allow once
 * delivers the hop, Deny refuses it, and the card says how it ended.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ConsentBrowserIT {
    private static final String USER = "ae@acme.test";
    private static Chromium chromium;

    @Deployment(testable = false)
    static JavaArchive proxyMe() {
        return Deployments.proxyMe();
    }

    @ArquillianResource
    URL base;

    private OverlayPage overlay;
    private GatewayHttp http;
    private String user;
    private RemoteAgent finance;

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
        overlay = new OverlayPage(chromium.browser, base.toString().replaceAll("/$", ""));
        http = new GatewayHttp(base.toString());
        user = http.login(USER);
    }

    @AfterEach
    void closePage() {
        overlay.close();
    }

    /** Starts the seed's chain and has its first agent hand on to a finance advisor: the hop waits for consent. */
    private String handOffNeedingConsent() {
        String admin = http.login("admin@acme.test");
        String run = UUID.randomUUID().toString().substring(0, 6);
        var automotive = RemoteAgent.register(
                http,
                admin,
                "auto-" + run,
                "Automotive Expert",
                "automotive",
                List.of("agent:automotive", "read:profile"));
        finance = RemoteAgent.register(
                http,
                admin,
                "fin-" + run,
                "Finance Advisor",
                "finance",
                List.of("agent:finance", "read:investment_goals"));
        http.putJson(
                        "/api/aci/grants/" + automotive.id(),
                        user,
                        Map.of("permissions", List.of("agent:automotive", "read:profile")))
                .expect(200, "grant");
        http.postJson("/api/aci/chains", user, SeedExample.start(automotive)).expect(201, "start");
        var hop = automotive.handOff(automotive.next(
                automotive.receive(10),
                finance,
                List.of("agent:finance", "read:investment_goals"),
                "EVs hit max torque from 0 rpm",
                "To compare the car with an index fund I need your investment goals"));
        hop.expect(202, "hand-off");
        assertEquals("PENDING_CONSENT", hop.json().get("status").asText(), hop.body());
        return hop.json().get("handoffId").asText();
    }

    private Locator consentCard() {
        return overlay.page.locator("#consents li.consent");
    }

    @Test
    void allow_once_on_the_card_delivers_the_hop_and_the_card_survives_a_reload_until_answered() {
        overlay.open().signIn(USER, OverlayBrowserIT.meeting("consent"));
        String handoffId = handOffNeedingConsent();

        assertThat(consentCard()).containsText("Finance Advisor asks for your permission");
        assertThat(consentCard()).containsText("View your investment goals");
        assertThat(consentCard()).containsText("To compare the car with an index fund");
        overlay.page.reload();
        overlay.assertConnected();
        assertThat(consentCard()).hasCount(1);

        consentCard().locator("button[data-decision='ALLOW_ONCE']").click();

        assertThat(consentCard().locator(".status")).hasText("Allowed once");
        assertEquals(
                "DELIVERED",
                http.get("/api/aci/handoffs/" + handoffId, user)
                        .json()
                        .get("status")
                        .asText());
        Map<?, ?> delivered = (Map<?, ?>) finance.receive(5).get("auth");
        assertEquals(finance.id(), delivered.get("to"));
    }

    @Test
    void deny_on_the_card_refuses_the_hop() {
        overlay.open().signIn(USER, OverlayBrowserIT.meeting("consent-deny"));
        String handoffId = handOffNeedingConsent();

        consentCard().locator("button[data-decision='DENY']").click();

        assertThat(consentCard().locator(".status")).hasText("Denied");
        assertEquals(
                "REFUSED",
                http.get("/api/aci/handoffs/" + handoffId, user)
                        .json()
                        .get("status")
                        .asText());
    }
}
