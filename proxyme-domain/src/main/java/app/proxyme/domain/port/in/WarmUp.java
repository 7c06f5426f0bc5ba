package app.proxyme.domain.port.in;

/**
 * Use case: make the decision path warm before the instance reports ready, so that the first meetings after start
 * are decided as fast as later ones (the classifier's model loaded, the hot code compiled).
 */
public interface WarmUp {
    /**
     * Runs dry decisions (no record, no generation) over the stored organisations' own topic examples until the path
     * is warm or the time budget is spent; never fails the start — a failed warm-up only means a slower first minute.
     *
     * @return the number of dry decisions run
     */
    int warmUp();
}
