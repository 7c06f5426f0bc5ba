package app.proxyme.engine.adapter.openfga;

import app.proxyme.domain.port.out.RelationshipCheck;
import app.proxyme.engine.adapter.ConditionalCheckContractTest;
import app.proxyme.engine.fga.Tuple;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

/**
 * The OpenFGA adapter writes the model's conditions, the tuples' conditions and stored context, and each query's
 * context through the SDK; the stub evaluates them as a server does.
 */
class OpenFgaConditionalCheckTest extends ConditionalCheckContractTest {
    private final OpenFgaStub stub;
    private final OpenFga fga;

    OpenFgaConditionalCheckTest() throws IOException {
        stub = new OpenFgaStub();
        fga = stub.connect(MODEL);
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
    protected void write(List<Tuple> tuples) {
        fga.remoteTuples().apply(tuples, List.of());
    }
}
