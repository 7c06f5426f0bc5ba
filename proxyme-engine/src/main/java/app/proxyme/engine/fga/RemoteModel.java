package app.proxyme.engine.fga;

/**
 * Where the authorization model lives outside the process (an OpenFGA store). The runtime model carries the
 * conditions the policies generate, so a policy change that adds or changes one writes a new model there before its
 * conditional tuples; every instance then checks and writes against the store's newest model. Embedded mode has
 * nothing to write ({@link #NONE}): its evaluator rebuilds the model from the stored conditions.
 */
public interface RemoteModel {
    /** Embedded mode: the model is built in each process from the database. */
    RemoteModel NONE = model -> "";

    /**
     * Makes {@code model} the store's current model. Writing the same model again is harmless.
     *
     * @return the id of the model written (empty in embedded mode)
     * @throws app.proxyme.domain.DependencyUnavailableException when the server does not take it
     * @throws app.proxyme.domain.DomainException (conflict) when the connection is pinned to another model
     */
    String write(FgaModel model);
}
