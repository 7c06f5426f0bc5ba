package app.proxyme.web.app;

import app.proxyme.engine.fga.FgaSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The FGA settings ({@code PROXYME_FGA}, {@code PROXYME_FGA_*}) from MicroProfile Config. */
@ApplicationScoped
public class FgaConfig {
    private final FgaSettings settings;

    @Inject
    public FgaConfig(@ConfigProperty(name = "proxyme.fga", defaultValue = "embedded") String mode) {
        this.settings = read(ConfigProvider.getConfig(), mode);
    }

    protected FgaConfig() {
        this.settings = null;
    }

    public FgaSettings settings() {
        return settings;
    }

    /** Reads the settings from any MicroProfile Config (also used by {@code fga-sync}). */
    public static FgaSettings read(Config config, String mode) {
        return new FgaSettings(mode, opt(config, "proxyme.fga.api.url"), opt(config, "proxyme.fga.store.id"),
                opt(config, "proxyme.fga.model.id"), opt(config, "proxyme.fga.api.token"),
                opt(config, "proxyme.fga.client.id"), opt(config, "proxyme.fga.client.secret"),
                opt(config, "proxyme.fga.token.issuer"), opt(config, "proxyme.fga.audience"),
                Duration.ofMillis(config.getOptionalValue("proxyme.fga.timeout.ms", Long.class).orElse(2000L)));
    }

    private static String opt(Config config, String key) {
        Optional<String> v = config.getOptionalValue(key, String.class);
        return v.filter(s -> !s.isBlank()).orElse(null);
    }
}
