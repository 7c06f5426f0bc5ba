package app.proxyme.engine.adapter.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.proxyme.domain.port.RelationshipQuery;
import app.proxyme.engine.fga.Tuple;
import app.proxyme.engine.fga.TupleStore;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The model's edge cases over an in-memory tuple store (the demo matrix runs in the persistence contract). */
class EmbeddedRelationshipCheckTest {
    private final MemoryTuples tuples = new MemoryTuples();
    private final EmbeddedRelationshipCheck check = new EmbeddedRelationshipCheck(tuples);

    @Test
    void a_directly_blocked_user_loses_what_the_role_grants_and_a_write_is_seen_at_once() {
        tuples.write(List.of(
                new Tuple("role:acme/se", "assignee", "user:se@acme.test"),
                new Tuple("topic:acme/product", "auto_responder", "role:acme/se#assignee")));
        assertEquals(List.of(true, true), ask("user:se@acme.test", "topic:acme/product"));

        tuples.write(List.of(new Tuple("topic:acme/product", "blocked", "user:se@acme.test")));

        assertEquals(List.of(false, false), ask("user:se@acme.test", "topic:acme/product"));
    }

    @Test
    void approval_responders_may_not_auto_respond() {
        tuples.write(List.of(
                new Tuple("role:acme/ae", "assignee", "user:ae@acme.test"),
                new Tuple("topic:acme/pricing", "approval_responder", "role:acme/ae#assignee")));
        assertEquals(List.of(false, true), ask("user:ae@acme.test", "topic:acme/pricing"));
    }

    @Test
    void a_role_of_another_organisation_or_a_direct_user_grant_never_counts() {
        tuples.write(List.of(
                new Tuple("role:globex/ae", "assignee", "user:sam@globex.test"),
                new Tuple("topic:acme/product", "auto_responder", "role:globex/ae#assignee"),
                new Tuple("topic:acme/pricing", "auto_responder", "user:sam@globex.test")));
        assertEquals(List.of(false, false), ask("user:sam@globex.test", "topic:acme/product"));
        assertEquals(List.of(false, false), ask("user:sam@globex.test", "topic:acme/pricing"));
    }

    private List<Boolean> ask(String user, String topic) {
        return check.check(List.of(new RelationshipQuery(user, "can_auto_respond", topic),
                new RelationshipQuery(user, "can_respond_with_approval", topic)));
    }

    /** An in-memory fake of the tuple store. */
    private static final class MemoryTuples implements TupleStore {
        private final Set<Tuple> tuples = new LinkedHashSet<>();
        private long version;

        @Override
        public synchronized void write(Collection<Tuple> add) {
            tuples.addAll(add);
            version++;
        }

        @Override
        public synchronized void delete(Collection<Tuple> remove) {
            tuples.removeAll(remove);
            version++;
        }

        @Override
        public synchronized List<Tuple> read(String objectPrefix) {
            return tuples.stream().filter(t -> t.object().startsWith(objectPrefix)).toList();
        }

        @Override
        public synchronized long version() {
            return version;
        }
    }
}
