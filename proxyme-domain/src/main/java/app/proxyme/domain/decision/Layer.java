package app.proxyme.domain.decision;

/** What decided an outcome; {@link #wire()} is the name PROTOCOL.md uses. */
public enum Layer {
    RULES("rules"),
    FGA("fga"),
    TOGGLES("toggles"),
    CLASSIFIER("classifier"),
    OUTPUT_CHECK("output_check"),
    NONE("none");

    private final String wire;

    Layer(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }
}
