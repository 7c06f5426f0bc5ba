package app.proxyme.engine.adapter.nlp;

/**
 * How semantic and lexical evidence become a topic confidence.
 *
 * @param maxWeight weight of the closest example against the mean of the {@code topK} closest
 * @param topK how many of a topic's closest examples are averaged
 * @param lexicalWeight weight of the lexical signal added to the cosine similarity
 * @param temperature softmax temperature: lower is more decisive
 * @param centring how much of the examples' mean vector is removed before comparing (0 = none, 1 = all)
 * @param fitFloor the least evidence for the best topic that makes a question one for our side: below it, the
 *     question is near no topic of the catalogue (colleagues among themselves: "are we done?", "isn't it?")
 */
record Scoring(double maxWeight, int topK, double lexicalWeight, double temperature, double centring, double fitFloor) {
    /** The values the evaluation settled on (see {@link app.proxyme.domain.policy.PolicySettings#DEFAULTS}). */
    static final Scoring DEFAULT = new Scoring(0.3, 3, 0.2, 0.07, 1.0, 0.23);
}
