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
    private final String json;

    private FgaModel(Map<String, Map<String, RelationDef>> types, String json) {
        this.types = types;
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
                    direct.add(new TypeRestriction(
                            t.path("type").asText(), rel.isEmpty() ? null : rel, t.hasNonNull("wildcard")));
                }
                relations.put(e.getKey(), new RelationDef(e.getKey(), rewrite(e.getValue()), direct));
            });
            types.put(type, Map.copyOf(relations));
        }
        return new FgaModel(Map.copyOf(types), json);
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

    /**
     * Whether the model accepts the tuple: the object's type defines the relation and admits the tuple's user.
     */
    public boolean accepts(Tuple t) {
        var object = Ref.parse(t.object());
        var user = Ref.parse(t.user());
        if (object == null || user == null || object.relation() != null) {
            return false;
        }
        RelationDef def = relation(object.type(), t.relation());
        return def != null && def.admits(user.type(), user.id(), user.relation());
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
