package app.proxyme.engine.testsupport;

import app.proxyme.engine.fga.RemoteTuples;
import app.proxyme.engine.fga.Tuple;
import app.proxyme.engine.policy.PolicyAdmin;
import app.proxyme.engine.policy.file.PolicyDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A connected policy whose database write fails: an FGA server that records each call ({@code "apply +W -D"}), and a
 * policy store that reads from {@code reads} but throws {@code IllegalStateException("database down")} on a write.
 */
public final class FailingWrites {
    /** The remote FGA calls in order, as {@code "apply +<writes> -<deletes>"}. */
    public final List<String> remoteCalls = new ArrayList<>();

    public final RemoteTuples remote = new RemoteTuples() {
        @Override
        public Applied apply(List<Tuple> writes, List<Tuple> deletes) {
            remoteCalls.add("apply +" + writes.size() + " -" + deletes.size());
            return new Applied(1, writes.size() + deletes.size());
        }
    };

    public final PolicyAdmin admin;

    public FailingWrites(PolicyAdmin reads) {
        this.admin = new PolicyAdmin() {
            @Override
            public List<String> organisations() {
                return reads.organisations();
            }

            @Override
            public boolean createIfAbsent(PolicyDocument doc) {
                return false;
            }

            @Override
            public void replace(PolicyDocument doc) {
                throw new IllegalStateException("database down");
            }

            @Override
            public Optional<PolicyDocument> export(String org) {
                return reads.export(org);
            }
        };
    }
}
