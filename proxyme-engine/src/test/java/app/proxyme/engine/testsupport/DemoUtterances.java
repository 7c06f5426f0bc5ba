package app.proxyme.engine.testsupport;

/** What tests say to the demo organisation acme when they need the local classifier to react a known way. */
public final class DemoUtterances {
    /**
     * A question near the catalogue (so one for our side) whose topic the local classifier is unsure of (commitment,
     * about 0.3): for an account executive, {@code APPROVE} by the classifier, {@code unsure: true}. Taken from a real
     * meeting of {@code ../shared/data/meetings}.
     */
    public static final String UNSURE_QUESTION = "And so can they bleep within an utterance?";

    private DemoUtterances() {}
}
