package app.proxyme.engine.adapter.llm;

import app.proxyme.domain.DependencyUnavailableException;
import app.proxyme.engine.policy.rules.RuleCompiler;
import app.proxyme.engine.policy.rules.RuleProposer;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A connected language model ({@link LanguageModel}) proposes the compiled form of a rule the local compiler cannot
 * read: the catalogue's topics, the known entities and the form in the system message, the rule's sentence as the last
 * message, delimited and declared data ({@link Prompts}); a JSON object at temperature 0, read strictly. The reply must
 * be exactly {@code {"effect","topics","phrases","entities","scope"}} with strings and lists of strings, within bounds;
 * anything else throws {@link DependencyUnavailableException} ({@code llm}) with the reason. What the fields say is
 * validated afterwards ({@link app.proxyme.engine.policy.rules.RuleReading}).
 */
public final class OpenAiRuleProposer implements RuleProposer {
    static final int MAX_TOKENS = 400;
    /** The most items of a list, and characters of a string, a reply may hold. */
    static final int MAX_ITEMS = 20;

    static final int MAX_CHARS = 200;

    private static final Set<String> FIELDS = Set.of("effect", "topics", "phrases", "entities", "scope");

    private final LanguageModel model;

    public OpenAiRuleProposer(LanguageModel model) {
        this.model = model;
    }

    @Override
    public Proposal propose(String text, Map<String, RuleCompiler.TopicText> topics, Set<String> entities) {
        String reply = model.complete(new Chat(
                "compile_rule",
                Prompts.compileRule(topics, entities),
                Prompts.untrusted("The rule to compile:", text),
                true,
                MAX_TOKENS));
        return parse(reply);
    }

    /** The reply as a proposal, when it is exactly the asked-for object. */
    static Proposal parse(String reply) {
        var why = new StringBuilder();
        JsonNode root = ModelReply.object(reply, why).orElseThrow(() -> failed(why.toString()));
        var names = new ArrayList<String>();
        root.fieldNames().forEachRemaining(names::add);
        for (String name : names) {
            if (!FIELDS.contains(name)) {
                throw failed("unexpected field '" + name + "'");
            }
        }
        return new Proposal(
                string(root, "effect"),
                strings(root, "topics"),
                strings(root, "phrases"),
                strings(root, "entities"),
                string(root, "scope"));
    }

    private static String string(JsonNode root, String field) {
        JsonNode v = root.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank() || v.asText().length() > MAX_CHARS) {
            throw failed("'" + field + "' is missing or not a short string");
        }
        return v.asText();
    }

    private static List<String> strings(JsonNode root, String field) {
        JsonNode v = root.get(field);
        if (v == null || !v.isArray() || v.size() > MAX_ITEMS) {
            throw failed("'" + field + "' is missing or not a list of at most " + MAX_ITEMS);
        }
        var out = new ArrayList<String>();
        for (JsonNode item : v) {
            if (!item.isTextual() || item.asText().isBlank() || item.asText().length() > MAX_CHARS) {
                throw failed("'" + field + "' holds something other than short strings");
            }
            out.add(item.asText());
        }
        return out;
    }

    private static DependencyUnavailableException failed(String why) {
        return new DependencyUnavailableException("llm", "its reply is not the asked-for form: " + why);
    }
}
