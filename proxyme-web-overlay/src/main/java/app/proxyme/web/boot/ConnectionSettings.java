package app.proxyme.web.boot;

import app.proxyme.engine.adapter.slack.SlackChannel;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * Where users' connected accounts are reached. {@code PROXYME_VAULT}: {@code embedded} (the outbox stands in for every
 * third party) or {@code auth0} (Token Vault; needs {@code PROXYME_IDENTITY=auth0}, the tenant's client id and
 * {@code PROXYME_AUTH0_CLIENT_SECRET}), with messages posted to Slack at {@code PROXYME_SLACK_API_URL}.
 *
 * @param vault {@code embedded} or {@code auth0}
 * @param clientSecret the Auth0 application's secret (never logged; required with {@code auth0})
 * @param slackApi Slack's Web API base URL
 */
public record ConnectionSettings(String vault, Optional<String> clientSecret, String slackApi) {
    static final List<String> VAULTS = List.of("embedded", "auth0");

    @Override
    public String toString() {
        return "ConnectionSettings[vault=" + vault + ", slackApi=" + slackApi + "]";
    }

    /** @throws IllegalStateException naming what is missing or wrong, so that the start stops with it */
    static ConnectionSettings read(Config config, RuntimeSettings settings) {
        String vault = text(config, "proxyme.vault").orElse("embedded");
        if (!VAULTS.contains(vault)) {
            throw new IllegalStateException("PROXYME_VAULT must be one of " + VAULTS + ", not '" + vault + "'");
        }
        Optional<String> secret = text(config, "proxyme.auth0.client.secret");
        if (vault.equals("auth0")) {
            if (!settings.identity().equals("auth0")) {
                throw new IllegalStateException("PROXYME_VAULT=auth0 exchanges the user's Auth0 sign-in:"
                        + " it needs PROXYME_IDENTITY=auth0, not " + settings.identity());
            }
            if (settings.oidc().clientId() == null || secret.isEmpty()) {
                throw new IllegalStateException(
                        "PROXYME_VAULT=auth0 needs PROXYME_AUTH0_CLIENT_ID and PROXYME_AUTH0_CLIENT_SECRET");
            }
        }
        String slack = text(config, "proxyme.slack.api.url").orElse(SlackChannel.DEFAULT_API);
        return new ConnectionSettings(vault, secret, slack);
    }

    private static Optional<String> text(Config config, String key) {
        return config.getOptionalValue(key, String.class).map(String::strip).filter(s -> !s.isEmpty());
    }
}
