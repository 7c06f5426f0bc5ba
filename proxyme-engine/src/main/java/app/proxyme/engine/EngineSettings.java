package app.proxyme.engine;

import app.proxyme.domain.policy.PolicySettings;
import java.nio.file.Path;
import java.util.Objects;

/**
 * How to assemble Proxy Me, as the runtime reads it from configuration.
 *
 * @param dataDir where the embedded database and keys live ({@code PROXYME_DATA_DIR})
 * @param dbUrl JDBC URL of PostgreSQL ({@code PROXYME_DB_URL}); {@code null} or blank for the embedded H2 file
 * @param dbUser database user
 * @param dbPassword database password (never logged)
 * @param dbMigrateUser the user that migrates the schema and owns its tables ({@code PROXYME_DB_MIGRATE_USER});
 *     {@code null} or blank: the runtime user
 * @param dbMigratePassword its password (never logged)
 * @param defaults decision settings an organisation's policy does not override
 */
public record EngineSettings(
        Path dataDir,
        String dbUrl,
        String dbUser,
        String dbPassword,
        String dbMigrateUser,
        String dbMigratePassword,
        PolicySettings defaults) {
    /** Settings that migrate with the runtime user. */
    public EngineSettings(Path dataDir, String dbUrl, String dbUser, String dbPassword, PolicySettings defaults) {
        this(dataDir, dbUrl, dbUser, dbPassword, null, null, defaults);
    }

    public EngineSettings {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(defaults, "defaults");
    }

    public boolean embeddedDatabase() {
        return dbUrl == null || dbUrl.isBlank();
    }

    @Override
    public String toString() {
        return "EngineSettings[dataDir=" + dataDir + ", db=" + (embeddedDatabase() ? "h2" : redacted(dbUrl))
                + ", user=" + dbUser + ", migrateUser="
                + (dbMigrateUser == null || dbMigrateUser.isBlank() ? dbUser : dbMigrateUser) + "]";
    }

    /**
     * The JDBC URL without what may carry a secret: its parameters ({@code ?password=...}) and any user info
     * ({@code //user:password@host}).
     */
    static String redacted(String jdbcUrl) {
        String url = jdbcUrl.replaceFirst("[?;].*$", "");
        return url.replaceFirst("//[^/@]*@", "//");
    }
}
