package app.proxyme.web;

import app.proxyme.web.boot.FgaSync;
import app.proxyme.web.boot.RuntimeSettings;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * {@code java -jar proxyme.jar fga-sync}: writes the product's FGA model to the configured OpenFGA store (and the
 * organisations' tuples when the store has none) and prints the new model's id, to set as
 * {@code PROXYME_FGA_MODEL_ID}.
 */
final class FgaSyncCommand implements Main.Command {
    @Override
    public int run(String[] args) {
        try {
            String modelId = FgaSync.writeModel(RuntimeSettings.read(ConfigProvider.getConfig()));
            System.out.println("OpenFGA model written: " + modelId + " (set PROXYME_FGA_MODEL_ID=" + modelId + ")");
            return 0;
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 2;
        } catch (RuntimeException e) {
            System.err.println("fga-sync failed: " + e.getMessage());
            return 1;
        }
    }
}
