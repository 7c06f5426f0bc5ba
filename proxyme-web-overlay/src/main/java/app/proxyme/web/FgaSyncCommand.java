package app.proxyme.web;

import app.proxyme.web.boot.FgaSync;
import app.proxyme.web.boot.RuntimeSettings;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * {@code java -jar proxyme.jar fga-sync}: writes the runtime FGA model to the configured OpenFGA store (and the
 * organisations' tuples when the store has none) and prints the new model's id. It is the store's newest model, which
 * instances without {@code PROXYME_FGA_MODEL_ID} use; setting the id pins it (and refuses policy changes to the
 * conditions).
 */
final class FgaSyncCommand implements Main.Command {
    @Override
    public int run(String[] args) {
        try {
            String modelId = FgaSync.writeModel(RuntimeSettings.read(ConfigProvider.getConfig()));
            System.out.println("OpenFGA model written: " + modelId + " (the store's newest; PROXYME_FGA_MODEL_ID="
                    + modelId + " would pin it)");
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
