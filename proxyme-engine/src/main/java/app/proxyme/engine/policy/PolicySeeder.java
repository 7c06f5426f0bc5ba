package app.proxyme.engine.policy;

import app.proxyme.engine.policy.file.PolicyFiles;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Seeds the demo organisations ({@link PolicyFiles#DEMO_ORGS}) that are not stored yet; idempotent. */
public final class PolicySeeder {
    private static final System.Logger LOG = System.getLogger(PolicySeeder.class.getName());

    private final PolicyAdmin admin;

    public PolicySeeder(PolicyAdmin admin) {
        this.admin = Objects.requireNonNull(admin, "admin");
    }

    /** Writes each missing demo organisation in one transaction; returns the organisations it created. */
    public List<String> seed() {
        var present = admin.organisations();
        var seeded = new ArrayList<String>();
        for (String org : PolicyFiles.DEMO_ORGS) {
            if (!present.contains(org) && admin.createIfAbsent(PolicyFiles.demo(org))) {
                seeded.add(org);
                LOG.log(System.Logger.Level.INFO, "seeded demo organisation {0}", org);
            }
        }
        return seeded;
    }
}
