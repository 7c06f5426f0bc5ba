package app.proxyme.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import app.proxyme.domain.policy.PolicySettings;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class EngineSettingsTest {
    @Test
    void the_printed_settings_never_carry_a_database_secret() {
        var inParameters = new EngineSettings(
                Path.of("data"),
                "jdbc:postgresql://db.internal:5432/proxyme?user=app&password=s3cret",
                "app",
                "s3cret",
                PolicySettings.DEFAULTS);
        var inUserInfo = new EngineSettings(
                Path.of("data"),
                "jdbc:postgresql://app:s3cret@db.internal/proxyme",
                null,
                null,
                PolicySettings.DEFAULTS);

        assertFalse(inParameters.toString().contains("s3cret"), inParameters.toString());
        assertFalse(inUserInfo.toString().contains("s3cret"), inUserInfo.toString());
        assertEquals(
                "EngineSettings[dataDir=data, db=jdbc:postgresql://db.internal:5432/proxyme, user=app,"
                        + " migrateUser=app]",
                inParameters.toString());
    }
}
