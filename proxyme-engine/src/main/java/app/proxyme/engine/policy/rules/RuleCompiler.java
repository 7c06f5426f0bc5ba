package app.proxyme.engine.policy.rules;

import app.proxyme.domain.policy.Effect;
import app.proxyme.engine.text.Terms;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The local rule compiler: turns the common phrasings of a rule into its structured form, or refuses it with a reason.
 *
 * <ul>
 *   <li>"Never discuss …", "Do not mention …", "Don't talk about …" → {@code DENY};
 *   <li>"Always ask me before …", "Check with me before …", "Do not … without my approval", "… only with my approval"
 *       → {@code APPROVE};
 *   <li>"You may answer …", "Feel free to answer …" → {@code AUTO}, which in the rules layer can only narrow what the
 *       role may do, never widen it.
 * </ul>
 *
 * <p>What the rule is about is found in the rest of the sentence: the catalogue's topics whose name, description and
 * examples share the most content words with it (a topic named outright counts double), or a {@linkplain
 * KnownEntities known entity} such as "customer reference", which compiles to its phrases. A rule whose effect or
 * subject cannot be told is refused: a wrong guess would be enforced on every meeting.
 */
public final class RuleCompiler {
    /** What a compiled rule holds: the effect, and the topics or phrases (with the entity they stand for). */
    public record Compiled(Effect effect, List<String> topics, List<String> phrases, List<String> entities) {}

    /** The outcome: compiled, or refused with the reason shown to the admin. */
    public sealed interface Result {
        record Done(Compiled rule) implements Result {}

        record Refused(String reason) implements Result {}
    }

    /** A topic as the compiler sees it. */
    public record TopicText(String id, String description, List<String> examples) {}

    private record Phrasing(Pattern pattern, Effect effect) {}

    private static final String VERB = "(?:discuss|talk about|talk|mention|bring up|comment on|answer(?: questions)?"
            + "(?: about| on)?|share|disclose|reveal|get into|speak about|go into)";
    private static final String ME = "(?:me|us|my manager|a manager)";
    private static final String APPROVAL = "(?:my|our|a manager's|manager) (?:approval|permission|ok|okay|sign-off)";

    /** Tried in order: the approval phrasings first, as "do not … without my approval" also reads as a refusal. */
    private static final List<Phrasing> PHRASINGS = List.of(
            new Phrasing(
                    Pattern.compile("^(?:do not|don't|dont|never|you may not|you must not) (.+?) without (?:first )?"
                            + "(?:" + APPROVAL + "|asking " + ME + "|checking with " + ME + ")$"),
                    Effect.APPROVE),
            new Phrasing(
                    Pattern.compile("^(?:always )?(?:ask|check with) " + ME + " (?:first )?before (.+)$"),
                    Effect.APPROVE),
            new Phrasing(Pattern.compile("^(?:only )?(.+?) (?:only )?with " + APPROVAL + "$"), Effect.APPROVE),
            new Phrasing(
                    Pattern.compile(
                            "^(?:never|do not|don't|dont|you may not|you must not|you must never) " + VERB + " (.+)$"),
                    Effect.DENY),
            new Phrasing(
                    Pattern.compile("^no (?:talk|discussion|questions?|answers?) (?:about|on) (.+)$"), Effect.DENY),
            new Phrasing(
                    Pattern.compile(
                            "^(?:you may|you can|feel free to|it's fine to|it is fine to) (?:answer|respond to|"
                                    + "handle|discuss|talk about) (?:questions (?:about|on) )?(.+?)(?: on your own| yourself)?$"),
                    Effect.AUTO));

    /** Words of a rule's subject that say nothing of what it is about. */
    private static final Set<String> FILLER = Set.of(
            "any",
            "other",
            "matter",
            "question",
            "thing",
            "topic",
            "stuff",
            "agree",
            "agreeing",
            "anyth",
            "everyth",
            "discuss",
            "customer",
            "name",
            "detail",
            "kind",
            "sort",
            "such");

    /** Compiles {@code text} against the organisation's {@code topics}. */
    public Result compile(String text, Map<String, TopicText> topics) {
        if (text == null || text.isBlank()) {
            return new Result.Refused("the rule has no text");
        }
        String sentence = text.strip()
                .toLowerCase(Locale.ROOT)
                .replace('\u2019', '\'')
                .replaceAll("\\s+", " ")
                .replaceAll("[.!;]+$", "");
        for (Phrasing p : PHRASINGS) {
            Matcher m = p.pattern().matcher(sentence);
            if (m.matches()) {
                return about(p.effect(), m.group(1), topics);
            }
        }
        return new Result.Refused("cannot tell whether the rule forbids, asks first or allows: write it as \"Never"
                + " discuss …\", \"Always ask me before …\", \"Do not … without my approval\" or \"You may answer …\"");
    }

    private static Result about(Effect effect, String subject, Map<String, TopicText> topics) {
        Optional<KnownEntities.Entity> entity = KnownEntities.namedIn(subject);
        List<String> named = topicsNamed(subject, topics, entity.isPresent());
        if (entity.isPresent()) {
            return new Result.Done(new Compiled(
                    effect, named, entity.get().phrases(), List.of(entity.get().name())));
        }
        if (named.isEmpty()) {
            return new Result.Refused(
                    "cannot tell what \"" + subject + "\" is about: it names no topic of the catalogue ("
                            + String.join(", ", topics.keySet()) + ") and no known entity ("
                            + String.join(", ", KnownEntities.byName().keySet()) + ")");
        }
        return new Result.Done(new Compiled(effect, named, List.of(), List.of()));
    }

    /**
     * The topics the subject is about: those sharing the most content words with it (at least two, or the topic's own
     * name), and any other within a quarter of the best. With an entity named, only topics named outright.
     */
    private static List<String> topicsNamed(String subject, Map<String, TopicText> topics, boolean entityNamed) {
        Set<String> words = new java.util.LinkedHashSet<>(Terms.of(subject));
        words.removeIf(w -> FILLER.contains(w) || FILLER.contains(Terms.stem(w)));
        var scores = new java.util.LinkedHashMap<String, Integer>();
        for (TopicText t : topics.values()) {
            Set<String> vocabulary = new java.util.HashSet<>(Terms.of(t.id().replace('_', ' ')));
            boolean namedOutright = words.containsAll(vocabulary) && !vocabulary.isEmpty();
            if (entityNamed) {
                if (namedOutright) {
                    scores.put(t.id(), 2);
                }
                continue;
            }
            vocabulary.addAll(Terms.of(t.description()));
            vocabulary.addAll(Terms.ofAll(t.examples()));
            int score = (int) words.stream().filter(vocabulary::contains).count() + (namedOutright ? 2 : 0);
            if (score >= 2) {
                scores.put(t.id(), score);
            }
        }
        int best = scores.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        var chosen = new ArrayList<String>();
        scores.forEach((id, score) -> {
            if (score * 4 >= best * 3) {
                chosen.add(id);
            }
        });
        return List.copyOf(chosen);
    }
}
