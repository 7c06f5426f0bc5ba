package app.proxyme.engine.adapter.nlp;

/**
 * Whether a chunk is a question or request for our side.
 *
 * @param question the verdict
 * @param confidence how sure the detector is of the verdict, in [0,1]
 * @param cue the name of the cue that decided (for traces and tests)
 */
record QuestionVerdict(boolean question, double confidence, String cue) {
    static QuestionVerdict question(double confidence, String cue) {
        return new QuestionVerdict(true, confidence, cue);
    }

    static QuestionVerdict statement(double confidence, String cue) {
        return new QuestionVerdict(false, confidence, cue);
    }
}
