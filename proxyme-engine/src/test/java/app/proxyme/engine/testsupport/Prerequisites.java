package app.proxyme.engine.testsupport;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * What tests need from the machine: the shared datasets, PostgreSQL, a browser. Absent on a user's machine, the
 * test is skipped with a clear message; under {@code PROXYME_REQUIRE_ALL=1} (CI) it fails instead.
 */
public final class Prerequisites {
    private Prerequisites() {}

    public static boolean requireAll() {
        return "1".equals(System.getenv("PROXYME_REQUIRE_ALL"));
    }

    /** Skips (or, under PROXYME_REQUIRE_ALL=1, fails) the test with {@code why} unless {@code present}. */
    public static void require(boolean present, String why) {
        if (present) {
            return;
        }
        if (requireAll()) {
            Assertions.fail(why + " (required: PROXYME_REQUIRE_ALL=1)");
        }
        Assumptions.abort(why + " — skipped; set PROXYME_REQUIRE_ALL=1 to make this a failure");
    }

    /** The shared folder ({@code proxyme.shared.dir}, set by the build to ../shared). */
    public static Path sharedDir() {
        return Path.of(System.getProperty(
                "proxyme.shared.dir", System.getenv().getOrDefault("PROXYME_SHARED_DIR", "../shared")));
    }

    /** A file under the shared folder, or skip/fail when it is absent. */
    public static Path sharedFile(String relative) {
        Path file = sharedDir().resolve(relative);
        require(Files.isRegularFile(file), "shared dataset " + file + " is absent");
        return file;
    }

    /** JDBC settings of the test PostgreSQL database. */
    public record Postgres(String url, String user, String password) {
        public Connection connect() throws SQLException {
            return DriverManager.getConnection(url, user, password);
        }
    }

    /** The test PostgreSQL ({@code PROXYME_TEST_DB_URL}, {@code _USER}, {@code _PASSWORD}), or skip/fail. */
    public static Postgres postgres() {
        String url = System.getenv().getOrDefault("PROXYME_TEST_DB_URL", "jdbc:postgresql://127.0.0.1:5432/test");
        var pg = new Postgres(
                url,
                System.getenv().getOrDefault("PROXYME_TEST_DB_USER", "postgres"),
                System.getenv().getOrDefault("PROXYME_TEST_DB_PASSWORD", ""));
        boolean up;
        try (Connection c = pg.connect()) {
            up = c.isValid(2);
        } catch (SQLException e) {
            up = false;
        }
        require(up, "PostgreSQL at " + url + " is not reachable");
        return pg;
    }

    /** Whether something listens on host:port. */
    public static boolean listening(String host, int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), 500);
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
