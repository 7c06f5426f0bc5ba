package app.proxyme.engine.fga;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.openfga.language.DslToJsonTransformer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An OpenFGA schema 1.1 authorization model: types and their relations. Built from the DSL (through
 * {@code openfga-language}) or from the JSON the OpenFGA API speaks; immutable.
 */
public final class FgaModel {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Map<String, RelationDef>> types;
    private final Map<String, FgaCondition> conditions;
    private final String json;

    private FgaModel(Map<String, Map<String, RelationDef>> types, Map<String, FgaCondition> conditions, String json) {
        this.types = types;
        this.conditions = conditions;
        this.json = json;
    }

    /** Parses a model written in the OpenFGA DSL. */
    public static FgaModel fromDsl(String dsl) {
        try {
            return fromJson(new DslToJsonTransformer().transform(dsl));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalArgumentException("not a valid OpenFGA model: " + e.getMessage(), e);
        }
    }

    /** Reads a DSL model from the classpath. */
    public static FgaModel fromResource(String resource) {
        try (InputStream in = FgaModel.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no model resource " + resource);
            }
            return fromDsl(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a model in OpenFGA's JSON form ({@code {"schema_version":"1.1","type_definitions":[...]}}). */
    public static FgaModel fromJson(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
        }
        var types = new LinkedHashMap<String, Map<String, RelationDef>>();
        for (JsonNode td : root.path("type_definitions")) {
            String type = td.path("type").asText();
            var relations = new LinkedHashMap<String, RelationDef>();
            JsonNode meta = td.path("metadata").path("relations");
            td.path("relations").fields().forEachRemaining(e -> {
                var direct = new ArrayList<TypeRestriction>();
                for (JsonNode t : meta.path(e.getKey()).path("directly_related_user_types")) {
                    String rel = t.path("relation").asText("");
                    String condition = t.path("condition").asText("");
                    direct.add(new TypeRestriction(
                            t.path("type").asText(),
                            rel.isEmpty() ? null : rel,
                            t.hasNonNull("wildcard"),
                            condition.isEmpty() ? null : condition));
                }
                relations.put(e.getKey(), new RelationDef(e.getKey(), rewrite(e.getValue()), direct));
            });
            types.put(type, Map.copyOf(relations));
        }
        Map<String, FgaCondition> conditions = conditions(root.path("conditions"));
        types.values()
                .forEach(rels -> rels.values()
                        .forEach(def -> def.directTypes().forEach(r -> {
                            if (r.condition() != null && !conditions.containsKey(r.condition())) {
                                throw new IllegalArgumentException("relation '" + def.name() + "' names condition '"
                                        + r.condition() + "', which is not defined");
                            }
                        })));
        return new FgaModel(Map.copyOf(types), conditions, json);
    }

    /** Compiles every condition once (a syntax or type error is an {@link IllegalArgumentException}). */
    private static Map<String, FgaCondition> conditions(JsonNode node) {
        var conditions = new LinkedHashMap<String, FgaCondition>();
        node.fields().forEachRemaining(c -> {
            var params = new LinkedHashMap<String, ConditionType>();
            c.getValue()
                    .path("parameters")
                    .fields()
                    .forEachRemaining(p -> params.put(p.getKey(), ConditionType.fromJson(p.getValue())));
            conditions.put(
                    c.getKey(),
                    new FgaCondition(c.getKey(), c.getValue().path("expression").asText(), params));
        });
        return Map.copyOf(conditions);
    }

    private static Rewrite rewrite(JsonNode n) {
        if (n.hasNonNull("this")) {
            return new Rewrite.Direct();
        }
        if (n.hasNonNull("computedUserset")) {
            return new Rewrite.Computed(
                    n.get("computedUserset").path("relation").asText());
        }
        if (n.hasNonNull("tupleToUserset")) {
            JsonNode t = n.get("tupleToUserset");
            return new Rewrite.TupleToUserset(
                    t.path("tupleset").path("relation").asText(),
                    t.path("computedUserset").path("relation").asText());
        }
        if (n.hasNonNull("union")) {
            return new Rewrite.Union(children(n.get("union")));
        }
        if (n.hasNonNull("intersection")) {
            return new Rewrite.Intersection(children(n.get("intersection")));
        }
        if (n.hasNonNull("difference")) {
            JsonNode d = n.get("difference");
            return new Rewrite.Difference(rewrite(d.path("base")), rewrite(d.path("subtract")));
        }
        throw new IllegalArgumentException("unsupported rewrite " + n);
    }

    private static List<Rewrite> children(JsonNode n) {
        var list = new ArrayList<Rewrite>();
        n.path("child").forEach(c -> list.add(rewrite(c)));
        return List.copyOf(list);
    }

    /** The model in OpenFGA's JSON form, as written to a server. */
    public String json() {
        return json;
    }

    public boolean hasType(String type) {
        return types.containsKey(type);
    }

    /** The relation, or {@code null} when the type or the relation is not defined. */
    public RelationDef relation(String type, String relation) {
        Map<String, RelationDef> rels = types.get(type);
        return rels == null ? null : rels.get(relation);
    }

    /** The model's condition of that name, or {@code null}. */
    public FgaCondition condition(String name) {
        return conditions.get(name);
    }

    /** The model's conditions by name. */
    public Map<String, FgaCondition> conditions() {
        return conditions;
    }

    /**
     * Whether the model accepts the tuple: the object's type defines the relation and admits the tuple's user with the
     * tuple's condition (or none).
     */
    public boolean accepts(Tuple t) {
        var object = Ref.parse(t.object());
        var user = Ref.parse(t.user());
        if (object == null || user == null || object.relation() != null) {
            return false;
        }
        RelationDef def = relation(object.type(), t.relation());
        return def != null && def.admits(user.type(), user.id(), user.relation(), t.conditionName());
    }

    @Override
    public String toString() {
        return "FgaModel" + types.keySet();
    }

    /** An object or user reference {@code type:id} or {@code type:id#relation}. */
    record Ref(String type, String id, String relation) {
        Ref {
            Objects.requireNonNull(type);
            Objects.requireNonNull(id);
        }

        static Ref parse(String s) {
            int colon = s.indexOf(':');
            if (colon <= 0 || colon == s.length() - 1) {
                return null;
            }
            int hash = s.indexOf('#', colon);
            String id = hash < 0 ? s.substring(colon + 1) : s.substring(colon + 1, hash);
            String rel = hash < 0 ? null : s.substring(hash + 1);
            if (id.isEmpty() || (rel != null && rel.isEmpty())) {
                return null;
            }
            return new Ref(s.substring(0, colon), id, rel);
        }
    }
}
