package app.proxyme.engine.adapter.nlp;

import java.util.List;
import java.util.Optional;

/**
 * Openings of statements that look like nothing else: announcements of what the speaker will do ("let me share my
 * screen", "i'll send the notes"), thanks, and opinions ("i think that covers it").
 */
final class StatementPatterns implements QuestionCue {
    private static final List<String> OPENINGS = List.of(
            "let me",
            "let's",
            "lets",
            "i'll",
            "we'll",
            "i will",
            "we will",
            "i'm going to",
            "we're going to",
            "i am going to",
            "we are going to",
            "thanks",
            "thank you",
            "i think",
            "we think",
            "i guess",
            "i believe",
            "sounds good",
            "that's",
            "that sounds",
            "that makes",
            "good to",
            "nice to",
            "great to",
            "glad to",
            "have a",
            "talk soon",
            "see you",
            "bye",
            "goodbye");

    @Override
    public Optional<QuestionVerdict> judge(SpokenText text) {
        return OPENINGS.stream()
                .filter(o -> text.startsWith(0, o))
                .findFirst()
                .map(o -> QuestionVerdict.statement(0.9, "statement opening '" + o + "'"));
    }
}
