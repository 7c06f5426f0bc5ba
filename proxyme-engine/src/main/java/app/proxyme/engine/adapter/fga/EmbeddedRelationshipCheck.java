package app.proxyme.engine.adapter.fga;

import app.proxyme.domain.DependencyUnavailableException;
import app.proxyme.domain.port.out.RelationshipCheck;
import app.proxyme.domain.port.out.RelationshipQuery;
import app.proxyme.engine.fga.AutoCondition;
import app.proxyme.engine.fga.CheckRequest;
import app.proxyme.engine.fga.ConditionStore;
import app.proxyme.engine.fga.FgaEngine;
import app.proxyme.engine.fga.FgaException;
import app.proxyme.engine.fga.FgaModel;
import app.proxyme.engine.fga.ProductModel;
import app.proxyme.engine.fga.TupleStore;
import java.util.ArrayList;
import java.util.List;

/**
 * Answers relationship checks in process with the OpenFGA-compatible {@link FgaEngine} over the product's model
 * ({@code fga/proxyme.fga}) and the tuples in the database, conditions evaluated against each query's context. With a
 * {@link ConditionStore} the model is the runtime model (the product's with the policies' generated conditions),
 * rebuilt when the tuple version moves (a policy import here, or on another instance) and the conditions changed. A
 * question the model cannot ask (unknown relation, a malformed id) or a condition whose context is missing or of the
 * wrong type is answered {@code false} (OpenFGA's validation error, 2000); tuples that cannot be read make the check
 * unavailable.
 */
public final class EmbeddedRelationshipCheck implements RelationshipCheck {
    private final TupleStore store;
    private final ConditionStore conditions;
    private volatile Current current;

    /** The engine, and the tuple version and conditions it was built for. */
    private record Current(long version, List<AutoCondition> conditions, FgaEngine engine) {}

    public EmbeddedRelationshipCheck(TupleStore store) {
        this(ProductModel.get(), store);
    }

    public EmbeddedRelationshipCheck(FgaModel model, TupleStore store) {
        this.store = store;
        this.conditions = null;
        this.current = new Current(0, List.of(), new FgaEngine(model, store));
    }

    /** Over the runtime model: the product's with the stored conditions. */
    public EmbeddedRelationshipCheck(TupleStore store, ConditionStore conditions) {
        this.store = store;
        this.conditions = conditions;
    }

    @Override
    public List<Boolean> check(List<RelationshipQuery> queries) {
        var answers = new ArrayList<Boolean>(queries.size());
        try {
            FgaEngine engine = engine();
            for (RelationshipQuery q : queries) {
                answers.add(answer(engine, q));
            }
        } catch (FgaException e) {
            throw new DependencyUnavailableException("fga", e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new DependencyUnavailableException("fga", "tuples cannot be read", e);
        }
        return answers;
    }

    private FgaEngine engine() {
        Current c = current;
        if (conditions == null) {
            return c.engine();
        }
        long version = store.version();
        if (c != null && c.version() == version) {
            return c.engine();
        }
        List<AutoCondition> now = conditions.conditions();
        FgaEngine engine =
                c != null && c.conditions().equals(now) ? c.engine() : new FgaEngine(ProductModel.with(now), store);
        current = new Current(version, now, engine);
        return engine;
    }

    private static boolean answer(FgaEngine engine, RelationshipQuery q) {
        try {
            return engine.check(new CheckRequest(q.user(), q.relation(), q.object(), List.of(), q.context()));
        } catch (FgaException e) {
            if (e.code() == FgaException.VALIDATION) {
                return false;
            }
            throw e;
        }
    }
}
