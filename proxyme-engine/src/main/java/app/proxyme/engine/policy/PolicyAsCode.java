package app.proxyme.engine.policy;

import app.proxyme.domain.access.Capability;
import app.proxyme.domain.access.Access;
import app.proxyme.engine.policy.file.PolicyDocument;
import app.proxyme.engine.policy.file.PolicyFiles;
import app.proxyme.domain.policy.PolicyProblem;
import app.proxyme.engine.policy.file.PolicyTuples;
import app.proxyme.engine.policy.file.PolicyYaml;
import app.proxyme.engine.policy.file.YamlLines;
import app.proxyme.domain.DomainException;
import app.proxyme.domain.audit.AuditEntry;
import app.proxyme.domain.audit.AuditType;
import app.proxyme.domain.policy.Member;
import app.proxyme.domain.port.out.AuditLog;
import app.proxyme.engine.fga.RemoteTuples;
import app.proxyme.engine.fga.Tuple;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * Use case: an organisation's whole policy as one YAML file. Admins export it and import it; an import is
 * validated completely first (nothing changes on any problem), then applied: tuples to the FGA server if there is
 * one (undone if the database write then fails), the database in one transaction, and a {@code policy_changed}
 * audit event.
 */
public final class PolicyAsCode {
    private final PolicyAdmin admin;
    private final RemoteTuples remote;
    private final AuditLog audit;

    public PolicyAsCode(PolicyAdmin admin, RemoteTuples remote, AuditLog audit) {
        this.admin = Objects.requireNonNull(admin, "admin");
        this.remote = Objects.requireNonNull(remote, "remote");
        this.audit = Objects.requireNonNull(audit, "audit");
    }

    /** What an import changed. */
    public record Imported(String org, int tuplesWritten, int tuplesDeleted, int remoteRequests) {}

    /** The caller's organisation's policy as YAML. */
    public String export(Member caller) {
        requireAdmin(caller);
        return PolicyYaml.write(current(caller.org()));
    }

    /**
     * Replaces the caller's organisation's policy with the file.
     *
     * @throws PolicyFiles.InvalidPolicyException with every problem and its line; nothing changed
     */
    public synchronized Imported importYaml(Member caller, String yaml) {
        requireAdmin(caller);
        PolicyDocument doc = PolicyFiles.parse(yaml == null ? "" : yaml);
        if (!caller.org().equals(doc.org())) {
            throw PolicyFiles.InvalidPolicyException.at(List.of(new PolicyProblem(YamlLines.of(yaml).lineOf("org: "),
                    "org: this file is for organisation '" + doc.org() + "'; you administer '" + caller.org() + "'")));
        }
        var before = new LinkedHashSet<>(PolicyTuples.of(current(caller.org())));
        var after = new LinkedHashSet<>(PolicyTuples.of(doc));
        List<Tuple> writes = after.stream().filter(t -> !before.contains(t)).toList();
        List<Tuple> deletes = before.stream().filter(t -> !after.contains(t)).toList();

        RemoteTuples.Applied applied = remote.apply(writes, deletes);
        try {
            admin.replace(doc);
        } catch (RuntimeException e) {
            if (applied.tuples() > 0) {
                remote.undo(writes, deletes);
            }
            throw e;
        }
        var detail = new LinkedHashMap<String, Object>();
        detail.put("topics", doc.topics().size());
        detail.put("roles", doc.roles().size());
        detail.put("members", doc.members().size());
        detail.put("rules", doc.rules().size());
        detail.put("tuplesWritten", writes.size());
        detail.put("tuplesDeleted", deletes.size());
        audit.append(List.of(new AuditEntry(AuditType.POLICY_CHANGED, doc.org(), null, null, caller.email(), null,
                null, null, detail)));
        return new Imported(doc.org(), writes.size(), deletes.size(), applied.requests());
    }

    private PolicyDocument current(String org) {
        return admin.export(org).orElseThrow(() -> DomainException.notFound("no organisation " + org));
    }

    private static void requireAdmin(Member caller) {
        Access.require(caller, Capability.MANAGE_POLICY);
    }
}
