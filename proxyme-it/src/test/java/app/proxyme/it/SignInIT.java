package app.proxyme.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.proxyme.engine.testsupport.OidcStub;
import app.proxyme.web.Api;
import app.proxyme.web.WsClient;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Who gets in, through the real {@code proxyme.jar} and the JDK's HTTP and WebSocket clients: with
 * {@code PROXYME_IDENTITY=oidc}, only bearer tokens of the configured provider (a local stub of discovery and JWKS)
 * for a member, and no demo sign-in; with embedded identity, the demo listens on 127.0.0.1 only unless
 * {@code PROXYME_DEMO_EXPOSED=true}.
 */
@Timeout(180)
class SignInIT {
    @Test
    void with_an_openid_provider_only_its_tokens_for_members_get_in() throws Exception {
        try (var idp = new OidcStub();
                var server = ProxymeProcess.start(
                        "oidc",
                        Files.createTempDirectory("proxyme-oidc"),
                        ProxymeProcess.freePort(),
                        Map.of(
                                "PROXYME_IDENTITY",
                                "oidc",
                                "PROXYME_OIDC_ISSUER",
                                idp.issuer(),
                                "PROXYME_OIDC_AUDIENCE",
                                OidcStub.AUDIENCE))) {
            Api api = server.awaitUp();
            String jae = idp.token("auth0|jae@acme.test");
            assertEquals(200, api.get("/api/approvals?status=PENDING", jae).status(), "a member's token");
            assertEquals(401, api.get("/api/approvals?status=PENDING", null).status(), "no token");
            assertEquals(
                    401,
                    api.get(
                                    "/api/approvals?status=PENDING",
                                    idp.forged(idp.claims("auth0|jae@acme.test").build()))
                            .status(),
                    "a forged token");
            assertEquals(
                    401,
                    api.get("/api/approvals?status=PENDING", idp.token("auth0|stranger@acme.test"))
                            .status(),
                    "someone who is not a member");
            assertEquals(
                    404,
                    api.post("/api/dev/login", null, "{\"email\":\"admin@acme.test\"}")
                            .status());
            assertEquals(404, api.get("/api/dev/users", null).status());

            try (var overlay = WsClient.connect(server.ws(), "signin-" + System.nanoTime(), jae)) {
                overlay.awaitType("state");
            }
            try (var stranger = WsClient.connect(
                    server.ws(), "signin-" + System.nanoTime(), idp.token("auth0|stranger@acme.test"))) {
                assertEquals(1008, stranger.closed.get(10, TimeUnit.SECONDS), "a stranger's socket is closed");
            }
        }
    }

    @Test
    void the_demo_sign_in_listens_on_the_loopback_address_unless_exposed_explicitly() throws Exception {
        InetAddress outside = nonLoopbackAddress().orElseGet(() -> {
            Assumptions.abort("this machine has no address but the loopback one");
            return null;
        });
        for (boolean exposed : new boolean[] {false, true}) {
            int port = ProxymeProcess.freePort();
            try (var server = ProxymeProcess.start(
                    exposed ? "exposed" : "demo",
                    Files.createTempDirectory("proxyme-demo"),
                    port,
                    exposed
                            ? Map.of("PROXYME_DEMO_EXPOSED", "true", "SERVER_HOST", "0.0.0.0")
                            : Map.of("SERVER_HOST", "0.0.0.0"))) {
                server.awaitUp();
                var request = HttpRequest.newBuilder(
                                URI.create("http://" + outside.getHostAddress() + ":" + port + "/health"))
                        .timeout(Duration.ofSeconds(5))
                        .build();
                var http = HttpClient.newHttpClient();
                if (exposed) {
                    assertEquals(
                            200,
                            http.send(request, HttpResponse.BodyHandlers.discarding())
                                    .statusCode());
                } else {
                    var refused = assertThrows(
                            java.io.IOException.class,
                            () -> http.send(request, HttpResponse.BodyHandlers.discarding()),
                            "the demo answered on " + outside.getHostAddress() + " although SERVER_HOST=0.0.0.0");
                    assertTrue(
                            refused instanceof ConnectException || refused.getCause() instanceof ConnectException,
                            refused.toString());
                }
            }
        }
    }

    private static Optional<InetAddress> nonLoopbackAddress() throws Exception {
        return NetworkInterface.networkInterfaces()
                .filter(i -> {
                    try {
                        return i.isUp() && !i.isLoopback();
                    } catch (java.net.SocketException e) {
                        return false;
                    }
                })
                .flatMap(NetworkInterface::inetAddresses)
                .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress())
                .findFirst();
    }
}
