package app.proxyme.engine.adapter.nlp;

import java.util.List;
import java.util.Optional;

/**
 * Tells whether a chunk is a question or request for our side, from its wording alone: speech arrives lower case and
 * unpunctuated, so a question mark is only a last hint. Cues are tried in order; the first that applies decides.
 * The cues know generic English; the nouns an organisation's questions are about come from its catalogue
 * ({@link SubjectWords}). Immutable.
 */
final class QuestionDetector {
    /** Cues that decide wherever they occur: indirect questions and tags. */
    private final List<QuestionCue> anywhere = List.of(new IndirectQuestions(), new TagQuestions());
    /** Cues read at the start of the chunk, once fillers are gone. */
    private final List<QuestionCue> openings;

    private final QuestionCue preamble = new EmbeddedClauses();

    /** A detector that knows generic English only. */
    QuestionDetector() {
        this(SubjectWords.NONE);
    }

    /** A detector for one catalogue: its topic words can be the subject of a question. */
    QuestionDetector(SubjectWords catalogue) {
        var inversion = new AuxiliaryInversion(catalogue);
        openings = List.of(new StatementPatterns(), new InterrogativeOpeners(inversion), inversion, new RequestVerbs());
    }

    QuestionVerdict detect(String raw) {
        return detect(SpokenText.of(raw));
    }

    QuestionVerdict detect(SpokenText text) {
        if (text.isEmpty()) {
            return QuestionVerdict.statement(0.9, "empty");
        }
        Optional<QuestionVerdict> verdict = first(anywhere, text).or(() -> first(openings, text));
        if (verdict.isPresent() && verdict.get().question()) {
            return verdict.get();
        }
        Optional<QuestionVerdict> later = preamble.judge(text);
        if (later.isPresent()) {
            return later.get();
        }
        if (text.questionMark()) {
            return QuestionVerdict.question(0.65, "question mark");
        }
        return verdict.orElse(QuestionVerdict.statement(0.7, "no question cue"));
    }

    private static Optional<QuestionVerdict> first(List<QuestionCue> cues, SpokenText text) {
        for (QuestionCue cue : cues) {
            Optional<QuestionVerdict> v = cue.judge(text);
            if (v.isPresent()) {
                return v;
            }
        }
        return Optional.empty();
    }
}
