package app.proxyme.engine.adapter.nlp;

import java.util.Optional;
import java.util.Set;

/**
 * Yes/no questions: an auxiliary or modal first, then its subject ("does the dashboard export to excel", "can
 * everyone hear me", "is it still snowing", "has pricing changed" when the catalogue names pricing). Not when a verb
 * follows the modal, as in the replies "will do" or "should be fine", nor "have a good weekend".
 */
final class AuxiliaryInversion implements QuestionCue {
    /** Subjects that make "have" / "has" / "had" a question rather than "have a good weekend". */
    private static final Set<String> PRONOUN_SUBJECTS = Set.of(
            "you",
            "we",
            "they",
            "it",
            "there",
            "anyone",
            "anybody",
            "everyone",
            "your",
            "any",
            "y'all",
            "he",
            "she",
            "i",
            "the",
            "an",
            "someone",
            "somebody",
            "anything",
            "this",
            "that",
            "our");

    private final SubjectWords catalogue;

    /** @param catalogue the nouns of the organisation's catalogue that can be a subject too */
    AuxiliaryInversion(SubjectWords catalogue) {
        this.catalogue = catalogue;
    }

    @Override
    public Optional<QuestionVerdict> judge(SpokenText text) {
        String aux = text.first();
        if (!Vocabulary.AUXILIARIES.contains(aux) || text.words().size() < 2) {
            return Optional.empty();
        }
        String subject = text.word(1);
        boolean inverted = catalogue.opensAt(text, 1)
                || (aux.startsWith("ha")
                        ? PRONOUN_SUBJECTS.contains(subject)
                        : Vocabulary.SUBJECT_STARTERS.contains(subject) || !Vocabulary.NOT_A_SUBJECT.contains(subject));
        return inverted
                ? Optional.of(QuestionVerdict.question(0.9, "auxiliary inversion '" + aux + " " + subject + "'"))
                : Optional.empty();
    }
}
