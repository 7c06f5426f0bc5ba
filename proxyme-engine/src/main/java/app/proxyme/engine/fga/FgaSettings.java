package app.proxyme.engine.fga;

import java.time.Duration;

/**
 * Which FGA to use ({@code PROXYME_FGA}: {@code embedded} or {@code openfga}) and how to reach an OpenFGA server or
 * Auth0 FGA. Secrets are never printed.
 *
 * @param mode {@code embedded} (default) or {@code openfga}
 * @param apiUrl server URL ({@code PROXYME_FGA_API_URL})
 * @param storeId store ({@code PROXYME_FGA_STORE_ID})
 * @param modelId model id, or blank to write the product's model at start ({@code PROXYME_FGA_MODEL_ID})
 * @param apiToken a pre-shared token ({@code PROXYME_FGA_API_TOKEN})
 * @param clientId Auth0 FGA client credentials ({@code PROXYME_FGA_CLIENT_ID}, {@code _CLIENT_SECRET},
 *     {@code _TOKEN_ISSUER}, {@code _AUDIENCE})
 * @param clientSecret see clientId
 * @param tokenIssuer see clientId
 * @param audience see clientId
 * @param timeout overall bound of one call to the server, retries included ({@code PROXYME_FGA_TIMEOUT_MS})
 */
public record FgaSettings(
        String mode,
        String apiUrl,
        String storeId,
        String modelId,
        String apiToken,
        String clientId,
        String clientSecret,
        String tokenIssuer,
        String audience,
        Duration timeout) {
    public static final FgaSettings EMBEDDED =
            new FgaSettings("embedded", null, null, null, null, null, null, null, null, Duration.ofSeconds(2));

    public FgaSettings {
        mode = mode == null || mode.isBlank() ? "embedded" : mode.trim().toLowerCase(java.util.Locale.ROOT);
        if (!mode.equals("embedded") && !mode.equals("openfga")) {
            throw new IllegalArgumentException("PROXYME_FGA must be embedded or openfga, not " + mode);
        }
        timeout = timeout == null ? Duration.ofSeconds(2) : timeout;
        if (mode.equals("openfga") && (blank(apiUrl) || blank(storeId))) {
            throw new IllegalArgumentException(
                    "PROXYME_FGA=openfga needs PROXYME_FGA_API_URL and PROXYME_FGA_STORE_ID");
        }
    }

    public boolean connected() {
        return mode.equals("openfga");
    }

    public boolean hasModelId() {
        return !blank(modelId);
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    @Override
    public String toString() {
        return connected()
                ? "openfga[" + apiUrl + ", store " + storeId + (hasModelId() ? ", model " + modelId : "")
                        + (blank(apiToken) ? "" : ", api token") + (blank(clientId) ? "" : ", client credentials") + "]"
                : "embedded";
    }
}
