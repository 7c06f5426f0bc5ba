package app.proxyme.web.boot;

import app.proxyme.domain.policy.PolicySettings;
import app.proxyme.engine.EngineSettings;
import app.proxyme.engine.adapter.ciba.CibaSettings;
import app.proxyme.engine.adapter.oidc.OidcProvider;
import app.proxyme.engine.fga.FgaSettings;
import app.proxyme.web.app.LaneSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * Every setting the composition root reads, with its default, from MicroProfile Config (environment variables
 * override: {@code PROXYME_FGA} → {@code proxyme.fga}). README's settings table lists the same keys.
 *
 * @param engine the database, data directory and policy defaults
 * @param fga the relationship check's mode and server ({@code PROXYME_FGA=embedded|openfga})
 * @param identity who signs users in ({@code PROXYME_IDENTITY=embedded|auth0|oidc})
 * @param oidc the OpenID provider with {@code auth0} ({@code PROXYME_AUTH0_DOMAIN}, {@code _AUDIENCE},
 *     {@code _CLIENT_ID}) or {@code oidc} ({@code PROXYME_OIDC_ISSUER}, {@code _AUDIENCE}, {@code _CLIENT_ID});
 *     {@code null} with embedded identity
 * @param demoExposed whether the embedded identity's demo sign-in may listen beyond 127.0.0.1
 *     ({@code PROXYME_DEMO_EXPOSED}, default false)
 * @param approval how held suggestions reach their approver ({@code PROXYME_APPROVAL=embedded|auth0-ciba})
 * @param ciba the Auth0 tenant and client of {@code auth0-ciba} ({@code PROXYME_AUTH0_DOMAIN}, {@code _CLIENT_ID},
 *     {@code _CLIENT_SECRET}, and {@code _AUDIENCE} if set); {@code null} with embedded approval
 * @param llm who classifies and drafts answers ({@code PROXYME_LLM=local|openai}; the model's settings:
 *     {@link LanguageModelSettings})
 * @param warmUpDecisions dry decisions run before the instance reports ready ({@code PROXYME_WARMUP_DECISIONS},
 *     default 3000; 0 = none)
 * @param evaluatePerMinute dry runs ({@code POST /api/policy/evaluate}) a user may make a minute, per instance
 *     ({@code PROXYME_EVALUATE_PER_MINUTE}, default 600; 0: no limit)
 * @param chunkGrace how long an acknowledged chunk may stay undecided before the recovery job records it as
 *     {@code chunk_abandoned} ({@code PROXYME_CHUNK_GRACE_S}, default 60; with the embedded database, chunks of a
 *     previous run are recorded at start)
 * @param shutdownDrain how long a graceful shutdown waits for accepted chunks to be decided
 *     ({@code PROXYME_SHUTDOWN_DRAIN_S}, default 10)
 * @param laneCapacity chunks of one user in one meeting that may wait to be decided; another one gets {@code busy}
 *     ({@code PROXYME_LANE_CAPACITY}, default 64)
 * @param wsMessagesPerSecond messages one user may send a second in one meeting before the server reads them more
 *     slowly
 *     ({@code PROXYME_WS_MESSAGES_PER_SECOND}, default 2, bursts of 20; 0: no pacing)
 * @param keyRotation the age at which a signing key is replaced ({@code PROXYME_KEY_ROTATION_DAYS}, default 90; 0:
 *     never)
 */
public record RuntimeSettings(
        EngineSettings engine,
        FgaSettings fga,
        String identity,
        OidcProvider oidc,
        boolean demoExposed,
        String approval,
        CibaSettings ciba,
        String llm,
        int warmUpDecisions,
        int evaluatePerMinute,
        Duration chunkGrace,
        Duration shutdownDrain,
        int laneCapacity,
        int wsMessagesPerSecond,
        Duration keyRotation) {
    static final int EVALUATE_PER_MINUTE = 600;
    static final List<String> IDENTITIES = List.of("embedded", "auth0", "oidc");
    static final List<String> APPROVALS = List.of("embedded", "auth0-ciba");
    static final List<String> LLMS = List.of("local", "openai");

    public RuntimeSettings {
        identity = oneOf("proxyme.identity", identity, IDENTITIES);
        if (!identity.equals("embedded") && oidc == null) {
            throw new IllegalArgumentException("PROXYME_IDENTITY=" + identity + " needs its OpenID provider settings");
        }
        approval = oneOf("proxyme.approval", approval, APPROVALS);
        if (approval.equals("auth0-ciba") && ciba == null) {
            throw new IllegalArgumentException("PROXYME_APPROVAL=auth0-ciba needs its Auth0 settings");
        }
        llm = oneOf("proxyme.llm", llm, LLMS);
        if (warmUpDecisions < 0) {
            throw new IllegalArgumentException("PROXYME_WARMUP_DECISIONS must be 0 or more: " + warmUpDecisions);
        }
        if (evaluatePerMinute < 0) {
            throw new IllegalArgumentException(
                    "PROXYME_EVALUATE_PER_MINUTE=" + evaluatePerMinute + " is negative; 0 means no limit");
        }
        if (chunkGrace.isNegative()) {
            throw new IllegalArgumentException("PROXYME_CHUNK_GRACE_S must be 0 or more: " + chunkGrace.toSeconds());
        }
        if (shutdownDrain.isNegative()) {
            throw new IllegalArgumentException(
                    "PROXYME_SHUTDOWN_DRAIN_S must be 0 or more: " + shutdownDrain.toSeconds());
        }
        if (laneCapacity < 1) {
            throw new IllegalArgumentException("PROXYME_LANE_CAPACITY must be 1 or more: " + laneCapacity);
        }
        if (wsMessagesPerSecond < 0) {
            throw new IllegalArgumentException(
                    "PROXYME_WS_MESSAGES_PER_SECOND must be 0 or more (0: no pacing): " + wsMessagesPerSecond);
        }
        if (keyRotation.isNegative()) {
            throw new IllegalArgumentException(
                    "PROXYME_KEY_ROTATION_DAYS must be 0 or more (0: never): " + keyRotation.toDays());
        }
    }

    /** Reads the settings; a value outside a mode's choices fails with the key and the choices. */
    public static RuntimeSettings read(Config config) {
        String identity = text(config, "proxyme.identity").orElse("embedded").toLowerCase(Locale.ROOT);
        PolicySettings d = PolicySettings.DEFAULTS;
        var policyDefaults = new PolicySettings(
                config.getOptionalValue("proxyme.min.confidence", Double.class).orElse(d.minConfidence()),
                config.getOptionalValue("proxyme.ambiguity.margin", Double.class)
                        .orElse(d.ambiguityMargin()),
                config.getOptionalValue("proxyme.approval.timeout.s", Long.class)
                        .map(Duration::ofSeconds)
                        .orElse(d.approvalTimeout()));
        var engine = new EngineSettings(
                Path.of(text(config, "proxyme.data.dir").orElse("./data")),
                text(config, "proxyme.db.url").orElse(null),
                text(config, "proxyme.db.user").orElse(null),
                text(config, "proxyme.db.password").orElse(null),
                text(config, "proxyme.db.migrate.user").orElse(null),
                text(config, "proxyme.db.migrate.password").orElse(null),
                policyDefaults);
        var fga = new FgaSettings(
                text(config, "proxyme.fga").orElse("embedded"),
                text(config, "proxyme.fga.api.url").orElse(null),
                text(config, "proxyme.fga.store.id").orElse(null),
                text(config, "proxyme.fga.model.id").orElse(null),
                text(config, "proxyme.fga.api.token").orElse(null),
                text(config, "proxyme.fga.client.id").orElse(null),
                text(config, "proxyme.fga.client.secret").orElse(null),
                text(config, "proxyme.fga.token.issuer").orElse(null),
                text(config, "proxyme.fga.audience").orElse(null),
                Duration.ofMillis(config.getOptionalValue("proxyme.fga.timeout.ms", Long.class)
                        .orElse(2000L)));
        return new RuntimeSettings(
                engine,
                fga,
                identity,
                oidcProvider(config, identity),
                config.getOptionalValue("proxyme.demo.exposed", Boolean.class).orElse(false),
                text(config, "proxyme.approval").orElse("embedded"),
                cibaSettings(config),
                text(config, "proxyme.llm").orElse("local"),
                config.getOptionalValue("proxyme.warmup.decisions", Integer.class)
                        .orElse(3000),
                config.getOptionalValue("proxyme.evaluate.per.minute", Integer.class)
                        .orElse(EVALUATE_PER_MINUTE),
                Duration.ofSeconds(config.getOptionalValue("proxyme.chunk.grace.s", Long.class)
                        .orElse(60L)),
                config.getOptionalValue("proxyme.shutdown.drain.s", Long.class)
                        .map(Duration::ofSeconds)
                        .orElse(LaneSettings.DEFAULTS.drain()),
                config.getOptionalValue("proxyme.lane.capacity", Integer.class)
                        .orElse(LaneSettings.DEFAULTS.capacity()),
                config.getOptionalValue("proxyme.ws.messages.per.second", Integer.class)
                        .orElse(LaneSettings.DEFAULTS.messagesPerSecond()),
                Duration.ofDays(config.getOptionalValue("proxyme.key.rotation.days", Long.class)
                        .orElse(90L)));
    }

    /** The OpenID provider that {@code auth0} or {@code oidc} identity names; {@code null} for embedded identity. */
    private static OidcProvider oidcProvider(Config config, String identity) {
        return switch (identity) {
            case "auth0" ->
                OidcProvider.auth0(
                        required(config, "proxyme.auth0.domain", identity),
                        required(config, "proxyme.auth0.audience", identity),
                        text(config, "proxyme.auth0.client.id").orElse(null));
            case "oidc" ->
                new OidcProvider(
                        required(config, "proxyme.oidc.issuer", identity),
                        required(config, "proxyme.oidc.audience", identity),
                        text(config, "proxyme.oidc.client.id").orElse(null));
            default -> null;
        };
    }

    /** The tenant and client of {@code PROXYME_APPROVAL=auth0-ciba}; {@code null} for another approval mode. */
    private static CibaSettings cibaSettings(Config config) {
        String mode = "PROXYME_APPROVAL=auth0-ciba";
        if (!text(config, "proxyme.approval").orElse("").equalsIgnoreCase("auth0-ciba")) {
            return null;
        }
        return CibaSettings.auth0(
                requiredWith(config, "proxyme.auth0.domain", mode),
                requiredWith(config, "proxyme.auth0.client.id", mode),
                requiredWith(config, "proxyme.auth0.client.secret", mode),
                text(config, "proxyme.auth0.audience").orElse(null));
    }

    private static String requiredWith(Config config, String key, String mode) {
        return text(config, key)
                .orElseThrow(() -> new IllegalArgumentException(envName(key) + " is required with " + mode));
    }

    private static String required(Config config, String key, String identity) {
        return text(config, key)
                .orElseThrow(() ->
                        new IllegalArgumentException(envName(key) + " is required with PROXYME_IDENTITY=" + identity));
    }

    private static String envName(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_');
    }

    private static Optional<String> text(Config config, String key) {
        return config.getOptionalValue(key, String.class).map(String::strip).filter(s -> !s.isEmpty());
    }

    private static String oneOf(String key, String value, List<String> choices) {
        String v = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        if (!choices.contains(v)) {
            String env = "PROXYME_"
                    + key.substring("proxyme.".length()).replace('.', '_').toUpperCase(Locale.ROOT);
            throw new IllegalArgumentException(env + "=" + value + " is not supported; choose one of " + choices);
        }
        return v;
    }
}
