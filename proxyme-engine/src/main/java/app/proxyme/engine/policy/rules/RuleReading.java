package app.proxyme.engine.policy.rules;

import app.proxyme.domain.DependencyUnavailableException;
import app.proxyme.domain.policy.Effect;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How a rule written as a sentence is read when a policy file is imported: by the local {@link RuleCompiler} first;
 * for a sentence it cannot read, by a connected language model ({@link RuleProposer}) when there is one. The model's
 * proposal is validated as strictly as an imported compiled form, and more: it may only deny or ask first ({@code
 * DENY}, {@code APPROVE}; never {@code AUTO}, which a model must not be trusted to write), name only topics of the
 * catalogue and known entities, and bind whom the rule's own scope says. Anything else is refused with a reason, and
 * the file with it.
 */
public final class RuleReading {
    /** Reading with the local compiler only (no language model is connected). */
    public static final RuleReading LOCAL = new RuleReading(Optional.empty());

    private static final RuleCompiler COMPILER = new RuleCompiler();
    private static final List<String> PROPOSED_EFFECTS = List.of(Effect.DENY.name(), Effect.APPROVE.name());

    private final Optional<RuleProposer> model;

    private RuleReading(Optional<RuleProposer> model) {
        this.model = model;
    }

    /** Reading with the local compiler, and {@code model} for what it cannot read. */
    public static RuleReading withModel(RuleProposer model) {
        return new RuleReading(Optional.of(model));
    }

    /**
     * The compiled form of the rule {@code text}, whose file entry has {@code scope}, against the organisation's
     * {@code topics}; or why it cannot be had.
     */
    public RuleCompiler.Result read(String text, String scope, Map<String, RuleCompiler.TopicText> topics) {
        RuleCompiler.Result local = COMPILER.compile(text, topics);
        if (!(local instanceof RuleCompiler.Result.Refused(var why))) {
            return local;
        }
        if (model.isEmpty()) {
            return new RuleCompiler.Result.Refused(
                    why + "; a connected language model (PROXYME_LLM=openai) could read" + " other wordings");
        }
        RuleProposer.Proposal proposal;
        try {
            proposal = model.get().propose(text, topics, KnownEntities.byName().keySet());
        } catch (DependencyUnavailableException e) {
            return new RuleCompiler.Result.Refused(
                    why + "; the language model could not read it either (" + e.getMessage() + ")");
        }
        return adopted(proposal, scope, topics)
                .<RuleCompiler.Result>map(
                        r -> new RuleCompiler.Result.Refused("the language model's reading was refused: " + r))
                .orElseGet(() -> new RuleCompiler.Result.Done(compiled(proposal)));
    }

    /** Why the proposal cannot be kept, if it cannot. */
    static Optional<String> adopted(RuleProposer.Proposal p, String scope, Map<String, RuleCompiler.TopicText> topics) {
        if (!PROPOSED_EFFECTS.contains(p.effect())) {
            return Optional.of("effect '" + p.effect() + "': a rule read by the language model may only deny (DENY)"
                    + " or ask first (APPROVE), never widen what a role may answer");
        }
        for (String t : p.topics()) {
            if (!topics.containsKey(t)) {
                return Optional.of(
                        "unknown topic '" + t + "' (the catalogue has " + String.join(", ", topics.keySet()) + ")");
            }
        }
        for (String e : p.entities()) {
            if (!KnownEntities.byName().containsKey(e)) {
                return Optional.of("unknown entity '" + e + "' (known: "
                        + String.join(", ", KnownEntities.byName().keySet()) + ")");
            }
        }
        if (p.topics().isEmpty() && p.phrases().isEmpty() && p.entities().isEmpty()) {
            return Optional.of("it names no topic, phrase or entity");
        }
        String declared = String.valueOf(scope).toLowerCase(Locale.ROOT);
        if (!p.scope().toLowerCase(Locale.ROOT).equals(declared)) {
            return Optional.of("it reads the rule as binding scope '" + p.scope() + "', but the rule's scope is '"
                    + declared + "'");
        }
        return Optional.empty();
    }

    /** The proposal as a compiled rule: a known entity brings its phrases. */
    private static RuleCompiler.Compiled compiled(RuleProposer.Proposal p) {
        var phrases = new LinkedHashSet<>(p.phrases());
        p.entities().forEach(e -> phrases.addAll(KnownEntities.byName().get(e).phrases()));
        return new RuleCompiler.Compiled(
                Effect.valueOf(p.effect()), p.topics(), new ArrayList<>(phrases), p.entities());
    }
}
