package app.proxyme.engine.adapter.jpa;

import app.proxyme.domain.policy.Effect;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** PRODUCT.md's demo matrix, written out independently of the policy file. Missing topics are DENY. */
final class DemoMatrix {
    static final List<String> TOPICS = List.of("product", "security", "pricing", "commitment", "roadmap", "legal",
            "competitors", "personnel", "scheduling", "smalltalk");

    static final Map<String, Map<String, Effect>> ACME = new LinkedHashMap<>();

    static {
        ACME.put("se@acme.test", row(List.of("product", "security", "scheduling", "smalltalk"),
                List.of("competitors", "roadmap", "commitment")));
        ACME.put("jae@acme.test", row(List.of("product", "scheduling", "smalltalk"),
                List.of("security", "competitors", "commitment")));
        ACME.put("ae@acme.test", row(List.of("product", "scheduling", "smalltalk"),
                List.of("pricing", "commitment", "competitors", "security")));
        ACME.put("mgr@acme.test", row(List.of("product", "scheduling", "smalltalk", "competitors", "pricing"),
                List.of("commitment", "roadmap", "legal", "security")));
        ACME.put("admin@acme.test", Map.of());
        ACME.put("audit@acme.test", Map.of());
    }

    private DemoMatrix() {}

    private static Map<String, Effect> row(List<String> auto, List<String> approve) {
        var row = new LinkedHashMap<String, Effect>();
        auto.forEach(t -> row.put(t, Effect.AUTO));
        approve.forEach(t -> row.put(t, Effect.APPROVE));
        return row;
    }
}
