package app.proxyme.engine.adapter.nlp;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Statements turned into questions by a tag at the end: "you support okta right", "that's included or not". */
final class TagQuestions implements QuestionCue {
    private static final List<String> TAGS = List.of(
            "right",
            "correct",
            "or not",
            "isn't it",
            "is that right",
            "is that correct",
            "don't you",
            "aren't you",
            "can't you",
            "won't you",
            "doesn't it",
            "isn't that",
            "yes or no",
            "am i right",
            "is that true",
            "true or false",
            "does it");

    /** Words before a final "right" / "correct" that make it an agreement, not a tag ("that's exactly right"). */
    private static final Set<String> AGREEMENT = Set.of(
            "that's",
            "thats",
            "exactly",
            "all",
            "is",
            "quite",
            "you're",
            "absolutely",
            "totally",
            "alright",
            "just",
            "that",
            "yeah",
            "politically",
            "it's",
            "sounds");

    @Override
    public Optional<QuestionVerdict> judge(SpokenText text) {
        if (text.words().size() < 4) {
            return Optional.empty();
        }
        for (String tag : TAGS) {
            if (text.endsWith(tag)) {
                String before = text.word(text.words().size() - tag.split(" ").length - 1);
                if (tag.indexOf(' ') < 0 && AGREEMENT.contains(before)) {
                    return Optional.empty();
                }
                return Optional.of(QuestionVerdict.question(0.75, "tag question '" + tag + "'"));
            }
        }
        return Optional.empty();
    }
}
