package app.proxyme.engine.policy.rules;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Things a rule may be about that are no topic of the catalogue but a kind of mention, each with the phrases (RE2J
 * regular expressions over what was said) that recognise it. A rule that names one compiles to its phrases.
 */
final class KnownEntities {
    /** An entity: its name in the compiled rule, how a rule's wording names it, and the phrases that find it. */
    record Entity(String name, Pattern namedBy, List<String> phrases) {}

    static final List<Entity> ALL = List.of(new Entity(
            "customer reference",
            Pattern.compile("\\b(references?|case stud(y|ies)|(other|existing|current) (customers?|clients?)|"
                    + "(customers?|clients?) (as|for) (a )?references?)\\b"),
            List.of(
                    "\\breferences?\\b",
                    "\\b(other|existing|current) (customers?|clients?)\\b",
                    "\\b(customers?|clients?) (we|i) (could|can|might) (talk|speak) (to|with)\\b",
                    "\\bcase stud(y|ies)\\b",
                    "\\bwho (else )?(uses|is using) (you|your|this)\\b",
                    "\\b(which|what|any) (of your )?(customers?|clients?)\\b",
                    "\\b(introduce|connect) us (to|with) (another|other|one of|a (customer|client|company))\\b",
                    "\\b(another|other|a) [a-z]+ (that|who) (uses|is using|use|are using) (you|your)\\b",
                    "\\b(customers?|clients?|compan(y|ies)) (like us|in our (industry|sector|space|market))\\b")));

    private KnownEntities() {}

    /** The entity a rule's subject names, if any. */
    static Optional<Entity> namedIn(String subject) {
        return ALL.stream().filter(e -> e.namedBy().matcher(subject).find()).findFirst();
    }

    /** The entities by name, for the refusal that lists them. */
    static Map<String, Entity> byName() {
        var out = new java.util.LinkedHashMap<String, Entity>();
        ALL.forEach(e -> out.put(e.name(), e));
        return out;
    }
}
