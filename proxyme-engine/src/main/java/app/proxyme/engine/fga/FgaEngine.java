package app.proxyme.engine.fga;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An in-process OpenFGA-compatible evaluator: {@link #check}, {@link #batchCheck} and {@link #listObjects} over a
 * model and the tuples of a {@link TupleStore}, with the model's conditions evaluated against each request's context.
 * Answers without contextual tuples or context are cached until the store's version changes (any write). Requests are validated as OpenFGA validates them ({@link FgaException} codes).
 * Thread-safe.
 */
public final class FgaEngine {
    private static final int MAX_CACHED = 100_000;

    private final FgaModel model;
    private final TupleStore store;
    private volatile Snapshot snapshot;

    public FgaEngine(FgaModel model, TupleStore store) {
        this.model = Objects.requireNonNull(model, "model");
        this.store = Objects.requireNonNull(store, "store");
    }

    public FgaModel model() {
        return model;
    }

    /** Whether the request's user has its relation on its object. */
    public boolean check(CheckRequest request) {
        validateUser(request.user(), true);
        var object = FgaModel.Ref.parse(request.object());
        if (object == null || object.relation() != null || !model.hasType(object.type())) {
            throw new FgaException(FgaException.VALIDATION, "invalid object '" + request.object() + "'");
        }
        if (model.relation(object.type(), request.relation()) == null) {
            throw new FgaException(
                    FgaException.VALIDATION, "relation '" + object.type() + "#" + request.relation() + "' not found");
        }
        TupleIndex contextual = contextual(request.contextualTuples());
        Snapshot s = current();
        if (contextual.isEmpty() && request.context().isEmpty()) {
            String key = request.user() + '\n' + request.relation() + '\n' + request.object();
            Boolean cached = s.answers.get(key);
            if (cached != null) {
                return cached;
            }
            boolean allowed = new Resolver(model, s.index, contextual, request.user(), Map.of())
                    .check(request.object(), request.relation());
            if (s.answers.size() >= MAX_CACHED) {
                s.answers.clear();
            }
            s.answers.put(key, allowed);
            return allowed;
        }
        return new Resolver(model, s.index, contextual, request.user(), request.context())
                .check(request.object(), request.relation());
    }

    /** {@link #check} for each request, in order. */
    public List<Boolean> batchCheck(List<CheckRequest> requests) {
        var answers = new ArrayList<Boolean>(requests.size());
        for (CheckRequest r : requests) {
            answers.add(check(r));
        }
        return answers;
    }

    /** Every object of {@code type} on which {@code user} has {@code relation}, sorted. */
    public List<String> listObjects(String user, String type, String relation, List<Tuple> contextualTuples) {
        return listObjects(user, type, relation, contextualTuples, Map.of());
    }

    /**
     * {@link #listObjects(String, String, String, List)} with the request's context for the model's conditions; a
     * condition on the way that cannot be evaluated fails the whole request ({@link FgaConditionException}).
     */
    public List<String> listObjects(
            String user, String type, String relation, List<Tuple> contextualTuples, Map<String, ?> context) {
        if (!model.hasType(type)) {
            throw new FgaException(FgaException.TYPE_NOT_FOUND, "type '" + type + "' not found");
        }
        if (model.relation(type, relation) == null) {
            throw new FgaException(
                    FgaException.RELATION_NOT_FOUND, "relation '" + type + "#" + relation + "' not found");
        }
        validateUser(user, true);
        TupleIndex contextual = contextual(contextualTuples == null ? List.of() : contextualTuples);
        Snapshot s = current();
        var candidates = new TreeSet<>(s.index.objects(type));
        candidates.addAll(contextual.objects(type));
        var found = new ArrayList<String>();
        for (String object : candidates) {
            try {
                if (new Resolver(model, s.index, contextual, user, context == null ? Map.of() : context)
                        .check(object, relation)) {
                    found.add(object);
                }
            } catch (FgaConditionException e) {
                throw e;
            } catch (FgaException tooDeep) {
                // an object whose resolution is too deep is left out, as a server's list would leave it out
            }
        }
        return found;
    }

    private void validateUser(String user, boolean allowUserset) {
        var ref = FgaModel.Ref.parse(user);
        if (ref == null || (!allowUserset && ref.relation() != null)) {
            throw new FgaException(FgaException.VALIDATION, "invalid user '" + user + "'");
        }
        if (!model.hasType(ref.type())) {
            throw new FgaException(
                    FgaException.VALIDATION, "type '" + ref.type() + "' of user '" + user + "' not found");
        }
        if (ref.relation() != null && model.relation(ref.type(), ref.relation()) == null) {
            throw new FgaException(
                    FgaException.VALIDATION,
                    "relation '" + ref.type() + "#" + ref.relation() + "' of user '" + user + "' not found");
        }
    }

    private TupleIndex contextual(List<Tuple> tuples) {
        if (tuples.isEmpty()) {
            return TupleIndex.EMPTY;
        }
        for (Tuple t : tuples) {
            if (!model.accepts(t)) {
                throw new FgaException(FgaException.INVALID_TUPLE, "invalid contextual tuple " + t);
            }
        }
        return TupleIndex.of(model, tuples);
    }

    private Snapshot current() {
        long version = store.version();
        Snapshot s = snapshot;
        if (s == null || s.version != version) {
            s = new Snapshot(version, TupleIndex.of(model, store.read("")));
            snapshot = s;
        }
        return s;
    }

    /** The tuples of one store version and the answers derived from them. */
    private record Snapshot(long version, TupleIndex index, Map<String, Boolean> answers) {
        Snapshot(long version, TupleIndex index) {
            this(version, index, new ConcurrentHashMap<>());
        }
    }
}
