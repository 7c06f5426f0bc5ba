package app.proxyme.engine.adapter.nlp;

import java.util.Optional;
import java.util.Set;

/**
 * A question after some preamble: "we use spreadsheets today so how would the import work". Looks past the first
 * word for a wh-word followed by an auxiliary, or for an auxiliary inverted with "you" / "your".
 */
final class EmbeddedClauses implements QuestionCue {
    private static final Set<String> INVERTING =
            Set.of("can", "could", "would", "will", "do", "does", "did", "are", "is", "should");
    private static final Set<String> ADDRESSEE = Set.of("you", "your", "y'all");

    @Override
    public Optional<QuestionVerdict> judge(SpokenText text) {
        for (int i = 1; i < text.words().size() - 1; i++) {
            String w = text.word(i);
            String next = text.word(i + 1);
            boolean whQuestion = Vocabulary.WH_WORDS.contains(w)
                    && INVERTING.contains(next)
                    && !Vocabulary.PERSONAL_SUBJECTS.contains(text.word(i - 1));
            boolean inverted = INVERTING.contains(w)
                    && ADDRESSEE.contains(next)
                    && !Vocabulary.PERSONAL_SUBJECTS.contains(text.word(i - 1))
                    && !text.word(i - 1).equals("you");
            if (whQuestion || inverted) {
                return Optional.of(QuestionVerdict.question(0.7, "question after a preamble '" + w + " " + next + "'"));
            }
        }
        return Optional.empty();
    }
}
