package app.proxyme.engine.adapter.nlp;

import java.util.Optional;

/** One reason to call a chunk a question or a statement; empty when the cue does not apply. */
interface QuestionCue {
    Optional<QuestionVerdict> judge(SpokenText text);
}
