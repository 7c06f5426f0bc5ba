package app.proxyme.engine.adapter.openfga;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.proxyme.domain.DependencyUnavailableException;
import app.proxyme.domain.port.out.RelationshipCheck;
import app.proxyme.domain.port.out.RelationshipQuery;
import app.proxyme.domain.port.out.contract.RelationshipCheckContractTest;
import app.proxyme.engine.fga.FgaSettings;
import app.proxyme.engine.fga.ProductModel;
import app.proxyme.engine.fga.RemoteTuples;
import app.proxyme.engine.fga.Tuple;
import app.proxyme.engine.policy.file.PolicyFiles;
import app.proxyme.engine.policy.file.PolicyTuples;
import app.proxyme.engine.testsupport.PolicyDocuments;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The OpenFGA adapter keeps the relationship-check contract against a local stub of OpenFGA's HTTP API (a server
 * answering 500 is the unavailable case), and batches, times out and writes as the server expects.
 */
class OpenFgaRelationshipCheckTest extends RelationshipCheckContractTest {
    private static final List<RelationshipQuery> ONE = List.of(
            new RelationshipQuery("user:se@acme.test", RelationshipCheck.CAN_AUTO_RESPOND, "topic:acme/product"));

    private final OpenFgaStub stub;
    private final OpenFga fga;

    OpenFgaRelationshipCheckTest() throws IOException {
        stub = new OpenFgaStub();
        fga = stub.connect(ProductModel.get());
    }

    private FgaSettings settings(Duration timeout) {
        return stub.settings(timeout);
    }

    @AfterEach
    void stop() {
        fga.close();
        stub.close();
    }

    @Override
    protected RelationshipCheck subject() {
        return fga.relationshipCheck();
    }

    @Override
    protected void grant(Grants grants) {
        PolicyDocuments.replaceTuples(stub.tuples, grants);
    }

    @Override
    protected void makeUnavailable() {
        stub.status = 500;
    }

    @Test
    void one_batch_check_per_chunk_and_no_cached_answers() {
        stub.requests.clear();
        var queries = new ArrayList<RelationshipQuery>();
        for (int i = 0; i < 120; i++) {
            queries.addAll(ONE);
        }

        subject().check(queries);
        subject().check(ONE);

        assertEquals(
                List.of("POST batch-check", "POST batch-check", "POST batch-check", "POST batch-check"), stub.requests);
    }

    @Test
    void a_stalled_server_is_cut_off_at_the_overall_timeout() {
        try (var quick = OpenFga.connect(settings(Duration.ofMillis(300)), ProductModel.get(), List.of())) {
            stub.delayMs = 3000;
            long start = System.nanoTime();
            assertThrows(
                    DependencyUnavailableException.class,
                    () -> quick.relationshipCheck().check(ONE));
            assertTrue(System.nanoTime() - start < 1_500_000_000L, "bounded by the timeout");
        }
    }

    @Test
    void sync_writes_the_model_and_the_tuples_of_an_empty_store_only() {
        stub.tuples.delete(stub.tuples.read(""));
        var tuples = PolicyTuples.of(PolicyFiles.demo("globex"));

        String id = fga.sync(ProductModel.get(), tuples);

        assertTrue(id.startsWith("01MODEL"), id);
        assertEquals(tuples.size(), stub.tuples.read("").size());
        fga.sync(ProductModel.get(), List.of(new Tuple("role:globex/x", "assignee", "user:x@globex.test")));
        assertEquals(tuples.size(), stub.tuples.read("").size(), "a store with tuples is left alone");
    }

    @Test
    void a_failed_write_undoes_the_earlier_ones_and_says_so() {
        stub.tuples.delete(stub.tuples.read(""));
        var many = new ArrayList<Tuple>();
        for (int i = 0; i < 250; i++) {
            many.add(new Tuple("role:acme/r" + i, "assignee", "user:u" + i + "@acme.test"));
        }
        stub.failWrite = 3;

        var e = assertThrows(
                RemoteTuples.RemoteTuplesException.class,
                () -> fga.remoteTuples().apply(many, List.of()));

        assertTrue(e.getMessage().contains("write 3 of 3 failed"), e.getMessage());
        assertTrue(e.getMessage().contains("2 earlier writes were undone"), e.getMessage());
        assertEquals(List.of(), stub.tuples.read(""));
    }
}
