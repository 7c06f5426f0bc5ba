package app.proxyme.engine.fga;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Resolves one check against a model and tuples, following OpenFGA's semantics: direct tuples with their type
 * restrictions and wildcards, usersets, computed relations, tuple-to-userset, union, intersection and exclusion. A
 * path that comes back to an object and relation already being resolved is a cycle: it grants nothing, and an
 * exclusion whose subtraction runs into one grants nothing either. A tuple written with a condition counts only while
 * the condition holds for the tuple's stored context merged over the request's; a condition that cannot be evaluated
 * (a missing parameter, say) makes its branch an error, which a granting sibling of a union outweighs and which
 * otherwise fails the check ({@link FgaConditionException}). Deeper than {@link #MAX_DEPTH} nested steps is
 * {@link FgaException#TOO_COMPLEX}. Not thread-safe: one per check.
 */
final class Resolver {
    /** OpenFGA's default resolution depth limit. */
    static final int MAX_DEPTH = 25;

    /** Outcomes of one branch; a union takes the first of TRUE, ERROR, CYCLE, FALSE it meets. */
    private enum Result {
        TRUE,
        FALSE,
        CYCLE,
        ERROR
    }

    private final FgaModel model;
    private final TupleIndex stored;
    private final TupleIndex contextual;
    private final String user;
    private final FgaModel.Ref userRef;
    private final Map<String, ?> context;
    private final Set<String> path = new HashSet<>();
    private FgaConditionException error;

    Resolver(FgaModel model, TupleIndex stored, TupleIndex contextual, String user, Map<String, ?> context) {
        this.model = model;
        this.stored = stored;
        this.contextual = contextual;
        this.user = user;
        this.userRef = FgaModel.Ref.parse(user);
        this.context = context;
    }

    /** Whether the user has the relation on the object; a condition that cannot be evaluated throws. */
    boolean check(String object, String relation) {
        Result r = resolve(object, relation, 0);
        if (r == Result.ERROR) {
            throw error;
        }
        return r == Result.TRUE;
    }

    private Result resolve(String object, String relation, int depth) {
        if (depth >= MAX_DEPTH) {
            throw new FgaException(
                    FgaException.TOO_COMPLEX, "resolution too complex: more than " + MAX_DEPTH + " nested steps");
        }
        int colon = object.indexOf(':');
        RelationDef def = colon < 0 ? null : model.relation(object.substring(0, colon), relation);
        if (def == null) {
            return Result.FALSE;
        }
        String key = object + '#' + relation;
        if (!path.add(key)) {
            return Result.CYCLE;
        }
        try {
            return eval(def.rewrite(), object, def, depth);
        } finally {
            path.remove(key);
        }
    }

    private Result eval(Rewrite rewrite, String object, RelationDef def, int depth) {
        return switch (rewrite) {
            case Rewrite.Direct d -> direct(object, def, depth);
            case Rewrite.Computed c -> resolve(object, c.relation(), depth + 1);
            case Rewrite.TupleToUserset t -> tupleToUserset(object, t, depth);
            case Rewrite.Union u -> union(u.children(), object, def, depth);
            case Rewrite.Intersection i -> intersection(i.children(), object, def, depth);
            case Rewrite.Difference d -> difference(d, object, def, depth);
        };
    }

    private Result direct(String object, RelationDef def, int depth) {
        var any = new Any();
        for (int pass = 0; pass < 2 && !any.granted(); pass++) {
            for (Tuple t : (pass == 0 ? stored : contextual).users(object, def.name())) {
                String u = t.user();
                int hash = u.indexOf('#');
                if (u.equals(user) || (hash < 0 && isWildcardFor(u, def))) {
                    any.add(condition(t));
                } else if (hash >= 0) {
                    Result holds = condition(t);
                    any.add(
                            holds == Result.TRUE
                                    ? resolve(u.substring(0, hash), u.substring(hash + 1), depth + 1)
                                    : holds);
                }
                if (any.granted()) {
                    break;
                }
            }
        }
        return any.result();
    }

    private boolean isWildcardFor(String u, RelationDef def) {
        return u.endsWith(":*")
                && userRef != null
                && userRef.relation() == null
                && u.length() - 2 == userRef.type().length()
                && u.startsWith(userRef.type())
                && def.admitsWildcard(userRef.type());
    }

    private Result tupleToUserset(String object, Rewrite.TupleToUserset ttu, int depth) {
        var any = new Any();
        for (int pass = 0; pass < 2 && !any.granted(); pass++) {
            for (Tuple t : (pass == 0 ? stored : contextual).users(object, ttu.tupleset())) {
                String parent = t.user();
                if (parent.indexOf('#') >= 0 || parent.endsWith(":*")) {
                    continue;
                }
                Result holds = condition(t);
                any.add(holds == Result.TRUE ? resolve(parent, ttu.relation(), depth + 1) : holds);
                if (any.granted()) {
                    break;
                }
            }
        }
        return any.result();
    }

    /** TRUE when the tuple is unconditional or its condition holds; ERROR (remembered) when it cannot be evaluated. */
    private Result condition(Tuple t) {
        if (t.condition() == null) {
            return Result.TRUE;
        }
        FgaCondition condition = model.condition(t.condition().name());
        if (condition == null) {
            return Result.FALSE;
        }
        try {
            return condition.evaluate(t.condition().context(), context) ? Result.TRUE : Result.FALSE;
        } catch (FgaConditionException e) {
            if (error == null) {
                error = e;
            }
            return Result.ERROR;
        }
    }

    private Result union(List<Rewrite> children, String object, RelationDef def, int depth) {
        var any = new Any();
        for (Rewrite child : children) {
            any.add(eval(child, object, def, depth));
            if (any.granted()) {
                break;
            }
        }
        return any.result();
    }

    private Result intersection(List<Rewrite> children, String object, RelationDef def, int depth) {
        boolean cycle = false;
        boolean failed = false;
        for (Rewrite child : children) {
            Result r = eval(child, object, def, depth);
            if (r == Result.FALSE) {
                return r;
            }
            cycle |= r == Result.CYCLE;
            failed |= r == Result.ERROR;
        }
        return failed ? Result.ERROR : cycle ? Result.CYCLE : Result.TRUE;
    }

    private Result difference(Rewrite.Difference d, String object, RelationDef def, int depth) {
        Result base = eval(d.base(), object, def, depth);
        if (base == Result.FALSE) {
            return base;
        }
        Result subtract = eval(d.subtract(), object, def, depth);
        if (subtract == Result.TRUE) {
            return Result.FALSE;
        }
        if (base == Result.ERROR || subtract == Result.ERROR) {
            return Result.ERROR;
        }
        return base == Result.CYCLE || subtract == Result.CYCLE ? Result.CYCLE : Result.TRUE;
    }

    /** The union of branch outcomes: TRUE wins, then ERROR, then CYCLE. */
    private static final class Any {
        private boolean cycle;
        private boolean failed;
        private boolean granted;

        void add(Result r) {
            granted |= r == Result.TRUE;
            cycle |= r == Result.CYCLE;
            failed |= r == Result.ERROR;
        }

        boolean granted() {
            return granted;
        }

        Result result() {
            return granted ? Result.TRUE : failed ? Result.ERROR : cycle ? Result.CYCLE : Result.FALSE;
        }
    }
}
