package app.proxyme.web.boot;

import app.proxyme.domain.aci.GatewaySettings;
import app.proxyme.engine.adapter.oidc.OidcProvider;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * The ACI gateway's settings. {@code PROXYME_ACI_AGENT_AUTH}: {@code embedded} (agents get tokens from
 * {@code POST /api/aci/token}) or {@code auth0} (Auth0 M2M access tokens of the tenant {@code PROXYME_AUTH0_DOMAIN} for
 * the API {@code PROXYME_ACI_AUDIENCE}); {@code PROXYME_ACI_MAX_DEPTH}, {@code PROXYME_ACI_TOKEN_TTL_S}.
 *
 * @param issuer the Auth0 tenant's issuer with {@code auth0}, else {@code null}
 */
public record AciSettings(String agentAuth, String issuer, String audience, GatewaySettings gateway) {
    static final List<String> MODES = List.of("embedded", "auth0");

    /** @throws IllegalStateException naming what is missing or wrong, so that the start stops with it */
    static AciSettings read(Config config) {
        String mode = text(config, "proxyme.aci.agent.auth").orElse("embedded").toLowerCase(Locale.ROOT);
        if (!MODES.contains(mode)) {
            throw new IllegalStateException("PROXYME_ACI_AGENT_AUTH must be one of " + MODES + ", not '" + mode + "'");
        }
        String issuer = null;
        String audience = null;
        if (mode.equals("auth0")) {
            String domain = text(config, "proxyme.auth0.domain")
                    .orElseThrow(
                            () -> new IllegalStateException("PROXYME_ACI_AGENT_AUTH=auth0 needs PROXYME_AUTH0_DOMAIN"));
            audience = text(config, "proxyme.aci.audience")
                    .orElseThrow(
                            () -> new IllegalStateException("PROXYME_ACI_AGENT_AUTH=auth0 needs PROXYME_ACI_AUDIENCE"));
            issuer = OidcProvider.auth0(domain, audience, null).issuer();
        }
        var d = GatewaySettings.DEFAULTS;
        var gateway = new GatewaySettings(
                Duration.ofSeconds(config.getOptionalValue("proxyme.aci.token.ttl.s", Long.class)
                        .orElse(d.tokenTtl().toSeconds())),
                config.getOptionalValue("proxyme.aci.max.depth", Integer.class).orElse(d.maxDepth()),
                d.clockSkew(),
                d.hopsPerMinute());
        return new AciSettings(mode, issuer, audience, gateway);
    }

    private static Optional<String> text(Config config, String key) {
        return config.getOptionalValue(key, String.class).map(String::strip).filter(s -> !s.isEmpty());
    }
}
