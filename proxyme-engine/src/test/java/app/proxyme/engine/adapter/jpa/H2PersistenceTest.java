package app.proxyme.engine.adapter.jpa;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The persistence contract on an H2 file database in a temporary directory. */
class H2PersistenceTest extends PersistenceContractTest {
    @TempDir
    static Path dir;

    @Override
    protected String[] connection() {
        return new String[] {Database.h2FileUrl(dir), "sa", ""};
    }
}
