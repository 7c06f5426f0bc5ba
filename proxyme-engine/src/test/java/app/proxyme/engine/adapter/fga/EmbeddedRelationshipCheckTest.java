package app.proxyme.engine.adapter.fga;

import static org.junit.jupiter.api.Assertions.assertThrows;

import app.proxyme.domain.DependencyUnavailableException;
import app.proxyme.domain.port.out.RelationshipCheck;
import app.proxyme.domain.port.out.RelationshipQuery;
import app.proxyme.engine.fga.InMemoryTupleStore;
import app.proxyme.engine.fga.RelationshipCheckContractTest;
import app.proxyme.engine.fga.Tuple;
import app.proxyme.engine.fga.TupleStore;
import app.proxyme.engine.adapter.jpa.Database;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded adapter passes the relationship-check contract over an in-memory tuple store and, in
 * {@link OverTheJpaTupleStore}, over the JPA tuple store production reads (an H2 file opened by {@link Database}).
 */
class EmbeddedRelationshipCheckTest extends RelationshipCheckContractTest {
    private final InMemoryTupleStore tuples = new InMemoryTupleStore();
    private final EmbeddedRelationshipCheck check = new EmbeddedRelationshipCheck(tuples);

    @Override
    protected RelationshipCheck subject() {
        return check;
    }

    @Override
    protected void write(List<Tuple> add) {
        tuples.write(add);
    }

    @Override
    protected void delete(List<Tuple> remove) {
        tuples.delete(remove);
    }

    @Test
    void unreadable_tuples_make_the_check_unavailable() {
        var broken = new EmbeddedRelationshipCheck(new TupleStore() {
            @Override
            public void write(Collection<Tuple> t) {}

            @Override
            public void delete(Collection<Tuple> t) {}

            @Override
            public List<Tuple> read(String prefix) {
                throw new IllegalStateException("database down");
            }

            @Override
            public long version() {
                return 1;
            }
        });
        assertThrows(DependencyUnavailableException.class, () -> broken.check(List.of(new RelationshipQuery(
                "user:se@acme.test", RelationshipCheck.CAN_AUTO_RESPOND, "topic:acme/product"))));
    }

    /** The same contract over {@code Database.tupleStore()}, the store the running product checks against. */
    @Nested
    class OverTheJpaTupleStore extends RelationshipCheckContractTest {
        @TempDir
        Path dir;

        private Database db;
        private EmbeddedRelationshipCheck jpaCheck;

        /** Opened on first use: the contract's {@code @BeforeEach} writes tuples before this class's would run. */
        private Database db() {
            if (db == null) {
                db = Database.open(Database.h2FileUrl(dir), "sa", "");
                jpaCheck = new EmbeddedRelationshipCheck(db.tupleStore());
            }
            return db;
        }

        @AfterEach
        void closeDatabase() {
            if (db != null) {
                db.close();
            }
        }

        @Override
        protected RelationshipCheck subject() {
            db();
            return jpaCheck;
        }

        @Override
        protected void write(List<Tuple> add) {
            db().tupleStore().write(add);
        }

        @Override
        protected void delete(List<Tuple> remove) {
            db().tupleStore().delete(remove);
        }

        @Test
        void a_closed_database_makes_the_check_unavailable() {
            var check = subject();
            db.close();
            db = null;
            assertThrows(DependencyUnavailableException.class, () -> check.check(List.of(new RelationshipQuery(
                    "user:se@acme.test", RelationshipCheck.CAN_AUTO_RESPOND, "topic:acme/product"))));
        }
    }
}
