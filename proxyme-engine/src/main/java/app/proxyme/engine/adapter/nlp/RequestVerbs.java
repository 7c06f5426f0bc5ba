package app.proxyme.engine.adapter.nlp;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Requests in the imperative: "tell me about the api", "walk me through onboarding", "send over the deck". Farewells
 * built on the same verbs ("take care", "talk soon", "go ahead") are not requests.
 */
final class RequestVerbs implements QuestionCue {
    private static final Set<String> VERBS = Set.of(
            "tell",
            "walk",
            "show",
            "explain",
            "send",
            "share",
            "give",
            "describe",
            "help",
            "remind",
            "confirm",
            "clarify",
            "elaborate",
            "talk",
            "run",
            "provide",
            "forward",
            "email",
            "book",
            "schedule",
            "set",
            "loop",
            "introduce",
            "point",
            "demo",
            "break",
            "outline",
            "list",
            "detail",
            "expand",
            "summarize",
            "summarise",
            "recap",
            "repeat",
            "check",
            "find",
            "pull",
            "get",
            "drop",
            "put",
            "add",
            "include",
            "invite",
            "cover",
            "compare",
            "go");

    private static final List<String> NOT_REQUESTS = List.of(
            "go ahead",
            "talk soon",
            "talk to you",
            "take care",
            "get back to you",
            "check this out",
            "give me a second",
            "give me a sec",
            "give me one second",
            "give me a moment",
            "bear with",
            "go back to",
            "set aside");

    @Override
    public Optional<QuestionVerdict> judge(SpokenText text) {
        if (!VERBS.contains(text.first()) || text.words().size() < 2) {
            return Optional.empty();
        }
        if (NOT_REQUESTS.stream().anyMatch(p -> text.startsWith(0, p))) {
            return Optional.of(QuestionVerdict.statement(0.8, "verb phrase that is not a request"));
        }
        return Optional.of(QuestionVerdict.question(0.85, "request verb '" + text.first() + "'"));
    }
}
