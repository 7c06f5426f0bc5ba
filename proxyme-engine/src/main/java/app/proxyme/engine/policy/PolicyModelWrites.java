package app.proxyme.engine.policy;

import app.proxyme.domain.DependencyUnavailableException;
import app.proxyme.domain.DomainException;
import app.proxyme.engine.fga.RemoteModel;
import app.proxyme.engine.fga.RemoteModelLease;
import app.proxyme.engine.policy.file.PolicyConditions;
import app.proxyme.engine.policy.file.PolicyDocument;

/**
 * A policy change's part in the FGA server's model: a change that adds, changes or removes an {@code auto_when}
 * condition needs a model that declares the new conditions before its conditional tuples are written; a change that
 * fails after that puts the stored policies' model back. The change holds the model lease from before the model is
 * built until it is stored, so that no other instance builds a model without it meanwhile.
 */
final class PolicyModelWrites {
    private static final System.Logger LOG = System.getLogger(PolicyModelWrites.class.getName());

    private final RemoteModel remote;
    private final RemoteModelLease lease;
    private final PolicyAdmin admin;

    PolicyModelWrites(RemoteModel remote, RemoteModelLease lease, PolicyAdmin admin) {
        this.remote = remote;
        this.lease = lease;
        this.admin = admin;
    }

    /**
     * The model lease for a change that needs a new model ({@code needed}), held until the change is stored or
     * undone; nothing to hold otherwise.
     *
     * @throws DomainException when another instance keeps writing a model
     */
    RemoteModelLease.Held hold(boolean needed) {
        return (needed ? lease : RemoteModelLease.NONE).hold();
    }

    /** Whether replacing {@code before} by {@code after} changes the conditions the model must declare. */
    static boolean needed(PolicyDocument before, PolicyDocument after) {
        return !PolicyConditions.of(before).equals(PolicyConditions.of(after));
    }

    /**
     * Writes the model of the stored policies with {@code doc} in place of its organisation's.
     *
     * @throws DependencyUnavailableException when the server does not take it (nothing changed)
     * @throws DomainException when the connection may not write a model
     */
    void write(PolicyDocument doc) {
        if (remote == RemoteModel.NONE) {
            return; // embedded: no model outside the process, and no reason to read every policy for it
        }
        try {
            remote.write(RuntimeModels.replacing(admin, doc));
        } catch (DomainException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new DependencyUnavailableException(
                    "fga",
                    "the FGA server did not take the model with the policy's conditions; nothing changed ("
                            + e.getMessage() + ")",
                    e);
        }
    }

    /** After a failed change: the model of the policies as stored again; a failure to do so joins {@code failure}. */
    void restore(RuntimeException failure) {
        if (remote == RemoteModel.NONE) {
            return;
        }
        try {
            remote.write(RuntimeModels.of(admin));
        } catch (RuntimeException e) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    "the FGA server keeps the model of a policy change that failed; the next model written replaces"
                            + " it: " + e.getMessage());
            failure.addSuppressed(e);
        }
    }
}
