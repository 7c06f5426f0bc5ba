package app.proxyme.engine.adapter.fga;

import app.proxyme.domain.DependencyUnavailableException;
import app.proxyme.domain.port.out.RelationshipCheck;
import app.proxyme.domain.port.out.RelationshipQuery;
import app.proxyme.engine.fga.CheckRequest;
import app.proxyme.engine.fga.FgaEngine;
import app.proxyme.engine.fga.FgaException;
import app.proxyme.engine.fga.FgaModel;
import app.proxyme.engine.fga.ProductModel;
import app.proxyme.engine.fga.TupleStore;
import java.util.ArrayList;
import java.util.List;

/**
 * Answers relationship checks in process with the OpenFGA-compatible {@link FgaEngine} over the product's model
 * ({@code fga/proxyme.fga}) and the tuples in the database, conditions evaluated against each query's context. A
 * question the model cannot ask (unknown relation, a malformed id) or a condition whose context is missing or of the
 * wrong type is answered {@code false} (OpenFGA's validation error, 2000); tuples that cannot be read make the check
 * unavailable.
 */
public final class EmbeddedRelationshipCheck implements RelationshipCheck {
    private final FgaEngine engine;

    public EmbeddedRelationshipCheck(TupleStore store) {
        this(ProductModel.get(), store);
    }

    public EmbeddedRelationshipCheck(FgaModel model, TupleStore store) {
        this.engine = new FgaEngine(model, store);
    }

    @Override
    public List<Boolean> check(List<RelationshipQuery> queries) {
        var answers = new ArrayList<Boolean>(queries.size());
        try {
            for (RelationshipQuery q : queries) {
                answers.add(answer(q));
            }
        } catch (FgaException e) {
            throw new DependencyUnavailableException("fga", e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new DependencyUnavailableException("fga", "tuples cannot be read", e);
        }
        return answers;
    }

    private boolean answer(RelationshipQuery q) {
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
