package app.proxyme.engine.adapter.nlp;

import java.util.List;
import java.util.Optional;

/**
 * Questions and requests phrased as statements: "i was wondering if ...", "i'd like to know ...", "we need you to
 * ...", "please ...". They are found anywhere in the chunk.
 */
final class IndirectQuestions implements QuestionCue {
    private static final List<String> PHRASES = List.of(
            "i was wondering",
            "we were wondering",
            "i wonder",
            "wondering if",
            "wondering whether",
            "i'd like to know",
            "i would like to know",
            "we'd like to know",
            "we would like to know",
            "i'd love to know",
            "i'd love to hear",
            "we'd love to hear",
            "i'd love to see",
            "we'd love to see",
            "i'd like to understand",
            "we'd like to understand",
            "i want to understand",
            "we want to understand",
            "i need to understand",
            "we need to understand",
            "i want to know",
            "we want to know",
            "i need to know",
            "we need to know",
            "i'm curious",
            "i am curious",
            "we're curious",
            "curious about",
            "curious whether",
            "curious if",
            "curious how",
            "curious what",
            "can i ask",
            "may i ask",
            "let me ask",
            "my question is",
            "the question is",
            "i have a question",
            "question for you",
            "i'd like you to",
            "we'd like you to",
            "we need you to",
            "we'd need you to",
            "i need you to",
            "any chance",
            "is there any way",
            "any way you",
            "any idea",
            "any thoughts",
            "any update",
            "help me understand",
            "help us understand",
            "please",
            "let me know",
            "let us know",
            "remind me",
            "do you mind",
            "would you mind",
            "mind if");

    @Override
    public Optional<QuestionVerdict> judge(SpokenText text) {
        for (int i = 0; i < text.words().size(); i++) {
            for (String p : PHRASES) {
                if (text.startsWith(i, p)) {
                    return Optional.of(QuestionVerdict.question(0.9, "indirect question '" + p + "'"));
                }
            }
        }
        return Optional.empty();
    }
}
