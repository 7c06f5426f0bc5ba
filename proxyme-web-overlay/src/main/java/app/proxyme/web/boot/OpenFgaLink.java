package app.proxyme.web.boot;

import app.proxyme.engine.adapter.openfga.OpenFga;
import app.proxyme.engine.fga.FgaModel;
import app.proxyme.engine.fga.Tuple;
import app.proxyme.engine.policy.PolicyAdmin;
import app.proxyme.engine.policy.RuntimeModels;
import app.proxyme.engine.policy.file.PolicyTuples;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/**
 * The connection to an OpenFGA server or Auth0 FGA ({@code PROXYME_FGA=openfga}), opened on first use (never in
 * embedded mode): without a model id it writes the runtime model (the product's with the stored policies'
 * conditions), and the organisations' tuples when the store has none. Closed at shutdown.
 */
@ApplicationScoped
class OpenFgaLink {
    private final RuntimeSettings settings;
    private final PolicyAdmin policies;
    private OpenFga fga;

    @Inject
    OpenFgaLink(RuntimeSettings settings, PolicyAdmin policies) {
        this.settings = settings;
        this.policies = policies;
    }

    /** For CDI's proxy. */
    protected OpenFgaLink() {
        this(null, null);
    }

    synchronized OpenFga fga() {
        if (fga == null) {
            fga = OpenFga.connect(settings.fga(), runtimeModel(policies), allTuples(policies));
        }
        return fga;
    }

    /** The product's model with the conditions of every stored organisation's {@code auto_when} entries. */
    static FgaModel runtimeModel(PolicyAdmin admin) {
        return RuntimeModels.of(admin);
    }

    /** Every stored organisation's tuples, as the policy files imply them. */
    static List<Tuple> allTuples(PolicyAdmin admin) {
        var tuples = new ArrayList<Tuple>();
        for (String org : admin.organisations()) {
            admin.export(org).ifPresent(doc -> tuples.addAll(PolicyTuples.of(doc)));
        }
        return tuples;
    }

    @PreDestroy
    synchronized void close() {
        if (fga != null) {
            fga.close();
        }
    }
}
