package app.proxyme.engine.fga;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Resolves one check against a model and tuples, following OpenFGA's semantics: direct tuples with their type
 * restrictions and wildcards, usersets, computed relations, tuple-to-userset, union, intersection and exclusion. A
 * path that comes back to an object and relation already being resolved is a cycle: it grants nothing, and an
 * exclusion whose subtraction runs into one grants nothing either. Deeper than {@link #MAX_DEPTH} nested steps is
 * {@link FgaException#TOO_COMPLEX}. Not thread-safe: one per check.
 */
final class Resolver {
    /** OpenFGA's default resolution depth limit. */
    static final int MAX_DEPTH = 25;

    private enum Result {
        TRUE,
        FALSE,
        CYCLE
    }

    private final FgaModel model;
    private final TupleIndex stored;
    private final TupleIndex contextual;
    private final String user;
    private final FgaModel.Ref userRef;
    private final Set<String> path = new HashSet<>();

    Resolver(FgaModel model, TupleIndex stored, TupleIndex contextual, String user) {
        this.model = model;
        this.stored = stored;
        this.contextual = contextual;
        this.user = user;
        this.userRef = FgaModel.Ref.parse(user);
    }

    /** Whether the user has the relation on the object. */
    boolean check(String object, String relation) {
        return resolve(object, relation, 0) == Result.TRUE;
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
        boolean cycle = false;
        for (int pass = 0; pass < 2; pass++) {
            List<String> users = (pass == 0 ? stored : contextual).users(object, def.name());
            for (String u : users) {
                if (u.equals(user)) {
                    return Result.TRUE;
                }
                int hash = u.indexOf('#');
                if (hash < 0) {
                    if (u.endsWith(":*")
                            && userRef != null
                            && userRef.relation() == null
                            && u.length() - 2 == userRef.type().length()
                            && u.startsWith(userRef.type())
                            && def.admitsWildcard(userRef.type())) {
                        return Result.TRUE;
                    }
                    continue;
                }
                Result r = resolve(u.substring(0, hash), u.substring(hash + 1), depth + 1);
                if (r == Result.TRUE) {
                    return r;
                }
                cycle |= r == Result.CYCLE;
            }
        }
        return cycle ? Result.CYCLE : Result.FALSE;
    }

    private Result tupleToUserset(String object, Rewrite.TupleToUserset ttu, int depth) {
        boolean cycle = false;
        for (int pass = 0; pass < 2; pass++) {
            for (String parent : (pass == 0 ? stored : contextual).users(object, ttu.tupleset())) {
                if (parent.indexOf('#') >= 0 || parent.endsWith(":*")) {
                    continue;
                }
                Result r = resolve(parent, ttu.relation(), depth + 1);
                if (r == Result.TRUE) {
                    return r;
                }
                cycle |= r == Result.CYCLE;
            }
        }
        return cycle ? Result.CYCLE : Result.FALSE;
    }

    private Result union(List<Rewrite> children, String object, RelationDef def, int depth) {
        boolean cycle = false;
        for (Rewrite child : children) {
            Result r = eval(child, object, def, depth);
            if (r == Result.TRUE) {
                return r;
            }
            cycle |= r == Result.CYCLE;
        }
        return cycle ? Result.CYCLE : Result.FALSE;
    }

    private Result intersection(List<Rewrite> children, String object, RelationDef def, int depth) {
        boolean cycle = false;
        for (Rewrite child : children) {
            Result r = eval(child, object, def, depth);
            if (r == Result.FALSE) {
                return r;
            }
            cycle |= r == Result.CYCLE;
        }
        return cycle ? Result.CYCLE : Result.TRUE;
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
        return base == Result.CYCLE || subtract == Result.CYCLE ? Result.CYCLE : Result.TRUE;
    }
}
