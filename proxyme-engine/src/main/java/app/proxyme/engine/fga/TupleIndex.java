package app.proxyme.engine.fga;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Tuples by object and relation, keeping only those the model accepts (tuples written under an earlier model whose
 * types no longer fit are ignored, as OpenFGA does). Immutable once built.
 */
final class TupleIndex {
    static final TupleIndex EMPTY = new TupleIndex(Map.of(), Map.of());

    private final Map<String, Map<String, List<Tuple>>> users;
    private final Map<String, Set<String>> objectsByType;

    private TupleIndex(Map<String, Map<String, List<Tuple>>> users, Map<String, Set<String>> objectsByType) {
        this.users = users;
        this.objectsByType = objectsByType;
    }

    static TupleIndex of(FgaModel model, Collection<Tuple> tuples) {
        var users = new HashMap<String, Map<String, List<Tuple>>>();
        var objects = new HashMap<String, Set<String>>();
        for (Tuple t : tuples) {
            if (!model.accepts(t)) {
                continue;
            }
            List<Tuple> list = users.computeIfAbsent(t.object(), o -> new HashMap<>())
                    .computeIfAbsent(t.relation(), r -> new ArrayList<>(2));
            if (list.stream().noneMatch(known -> known.user().equals(t.user()))) {
                list.add(t);
            }
            objects.computeIfAbsent(t.object().substring(0, t.object().indexOf(':')), k -> new LinkedHashSet<>())
                    .add(t.object());
        }
        return new TupleIndex(users, objects);
    }

    /** The tuples relating users to the object by the relation (directly, as stored). */
    List<Tuple> users(String object, String relation) {
        Map<String, List<Tuple>> byRelation = users.get(object);
        if (byRelation == null) {
            return List.of();
        }
        List<Tuple> list = byRelation.get(relation);
        return list == null ? List.of() : list;
    }

    /** Every object of the type that has at least one tuple. */
    Set<String> objects(String type) {
        return objectsByType.getOrDefault(type, Set.of());
    }

    boolean isEmpty() {
        return users.isEmpty();
    }
}
