package app.proxyme.engine.adapter.nlp;

import java.util.Optional;
import java.util.Set;

/**
 * Questions opened by a wh-word ("what would onboarding look like for us", "how much is it"), told apart from
 * statements opened the same way: pseudo-clefts ("what we need is something simple") and subordinate clauses
 * ("when we tried it last year it broke"), where a personal subject follows the wh-word with no inversion.
 */
final class InterrogativeOpeners implements QuestionCue {
    private static final Set<String> SUBORDINATE_FOLLOWERS =
            Set.of("whether", "if", "how", "what", "why", "when", "where", "who", "which");

    private final AuxiliaryInversion inversion;

    /** @param inversion the yes/no cue, to read the part after a pseudo-cleft's copula */
    InterrogativeOpeners(AuxiliaryInversion inversion) {
        this.inversion = inversion;
    }

    @Override
    public Optional<QuestionVerdict> judge(SpokenText text) {
        if (!Vocabulary.WH_WORDS.contains(text.first()) || text.words().size() < 2) {
            return Optional.empty();
        }
        String next = text.word(1);
        if (text.startsWith(0, "how about") || text.startsWith(0, "what about") || text.startsWith(0, "how come")) {
            return Optional.of(QuestionVerdict.question(0.9, "wh-opener '" + text.first() + " " + next + "'"));
        }
        int copula = pseudoCleftCopula(text);
        if (copula > 0) {
            return Optional.of(
                    questionAfterCopula(text, copula)
                            ? QuestionVerdict.question(0.8, "pseudo-cleft introducing a question")
                            : QuestionVerdict.statement(0.9, "pseudo-cleft statement"));
        }
        if (Vocabulary.PERSONAL_SUBJECTS.contains(next)) {
            return Optional.of(QuestionVerdict.statement(0.75, "wh-word opening a subordinate clause"));
        }
        return Optional.of(QuestionVerdict.question(
                Vocabulary.AUXILIARIES.contains(next) ? 0.95 : 0.85, "wh-opener '" + text.first() + "'"));
    }

    /**
     * The index of the copula closing "what we need is", "what you're describing is", or -1: a subject pronoun
     * right after the wh-word, then a copula a few words later.
     */
    private static int pseudoCleftCopula(SpokenText text) {
        String next = text.word(1);
        boolean subject = Vocabulary.PERSONAL_SUBJECTS.contains(next)
                || next.equals("you")
                || next.equals("you're")
                || next.equals("they")
                || next.equals("everyone")
                || next.equals("people");
        if (!subject) {
            return -1;
        }
        for (int i = 2; i < Math.min(text.words().size() - 1, 9); i++) {
            String w = text.word(i);
            if (Vocabulary.COPULAS.contains(w) || w.equals("is") || w.endsWith("'s") && i > 2) {
                return i;
            }
        }
        return -1;
    }

    /** "what i wanted to ask is whether you support sso": the part after the copula is a question. */
    private boolean questionAfterCopula(SpokenText text, int copula) {
        var rest = new SpokenText(text.words().subList(copula + 1, text.words().size()), false);
        if (SUBORDINATE_FOLLOWERS.contains(rest.first())) {
            return rest.first().equals("whether")
                    || rest.first().equals("if")
                    || inversion
                            .judge(new SpokenText(
                                    rest.words().subList(1, rest.words().size()), false))
                            .map(QuestionVerdict::question)
                            .orElse(false);
        }
        return inversion.judge(rest).map(QuestionVerdict::question).orElse(false);
    }
}
