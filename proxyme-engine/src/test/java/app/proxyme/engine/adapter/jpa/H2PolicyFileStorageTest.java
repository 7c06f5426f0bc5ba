package app.proxyme.engine.adapter.jpa;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The policy file's storage on an H2 file database in a temporary directory. */
class H2PolicyFileStorageTest extends PolicyFileStorageContractTest {
    @TempDir
    Path dir;

    @Override
    protected String[] connection() {
        return new String[] {Database.h2FileUrl(dir), "sa", ""};
    }
}
