package app.proxyme.web;

import app.proxyme.domain.policy.PolicySettings;
import app.proxyme.engine.EngineSettings;
import app.proxyme.engine.ProxyMe;
import app.proxyme.web.app.FgaConfig;
import java.nio.file.Path;
import java.time.Duration;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * {@code java -jar proxyme.jar fga-sync}: writes the product's FGA model to the configured OpenFGA store (and the
 * organisations' tuples when the store has none) and prints the new model's id, to set as
 * {@code PROXYME_FGA_MODEL_ID}.
 */
final class FgaSyncCommand implements Main.Command {
    @Override
    public int run(String[] args) {
        Config config = ConfigProvider.getConfig();
        var fga = FgaConfig.read(config, config.getOptionalValue("proxyme.fga", String.class).orElse("embedded"));
        if (!fga.connected()) {
            System.err.println("fga-sync needs PROXYME_FGA=openfga, PROXYME_FGA_API_URL and PROXYME_FGA_STORE_ID");
            return 2;
        }
        var engine = new EngineSettings(
                Path.of(config.getOptionalValue("proxyme.data.dir", String.class).orElse("./data")),
                config.getOptionalValue("proxyme.db.url", String.class).orElse(null),
                config.getOptionalValue("proxyme.db.user", String.class).orElse(null),
                config.getOptionalValue("proxyme.db.password", String.class).orElse(null),
                new PolicySettings(0.5, 0.3, Duration.ofSeconds(120)));
        try {
            String modelId = ProxyMe.syncFga(engine, fga);
            System.out.println("OpenFGA model written: " + modelId + " (set PROXYME_FGA_MODEL_ID=" + modelId + ")");
            return 0;
        } catch (RuntimeException e) {
            System.err.println("fga-sync failed: " + e.getMessage());
            return 1;
        }
    }
}
