package app.proxyme.web.boot;

import app.proxyme.domain.port.out.Leases;
import app.proxyme.engine.adapter.openfga.OpenFga;
import app.proxyme.engine.fga.FgaModel;
import app.proxyme.engine.fga.RemoteModelLease;
import app.proxyme.engine.fga.Tuple;
import app.proxyme.engine.policy.PolicyAdmin;
import app.proxyme.engine.policy.RuntimeModels;
import app.proxyme.engine.policy.file.PolicyTuples;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The connection to an OpenFGA server or Auth0 FGA ({@code PROXYME_FGA=openfga}), opened on first use (never in
 * embedded mode): without a model id it writes the runtime model (the product's with the stored policies'
 * conditions), and the organisations' tuples when the store has none, under the model lease (no policy change of
 * another instance is half done meanwhile). Closed at shutdown.
 */
@ApplicationScoped
class OpenFgaLink {
    /** Long enough for the lease of an instance that stopped while it held it to expire. */
    static final Duration START_WAIT = Duration.ofSeconds(70);

    private final RuntimeSettings settings;
    private final PolicyAdmin policies;
    private final Leases leases;
    private OpenFga fga;

    @Inject
    OpenFgaLink(RuntimeSettings settings, PolicyAdmin policies, Leases leases) {
        this.settings = settings;
        this.policies = policies;
        this.leases = leases;
    }

    /** For CDI's proxy. */
    protected OpenFgaLink() {
        this(null, null, null);
    }

    synchronized OpenFga fga() {
        if (fga == null) {
            var lease = settings.fga().hasModelId() ? RemoteModelLease.NONE : new RemoteModelLease(leases, START_WAIT);
            try (var held = lease.hold()) {
                fga = OpenFga.connect(settings.fga(), runtimeModel(policies), allTuples(policies));
            }
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
