package app.proxyme.engine.policy;

import app.proxyme.domain.DependencyUnavailableException;
import app.proxyme.domain.DomainException;
import app.proxyme.domain.access.Access;
import app.proxyme.domain.access.Capability;
import app.proxyme.domain.audit.AuditEntry;
import app.proxyme.domain.audit.AuditRecord;
import app.proxyme.domain.audit.AuditType;
import app.proxyme.domain.policy.Member;
import app.proxyme.domain.policy.PolicyProblem;
import app.proxyme.domain.policy.Topic;
import app.proxyme.domain.port.in.ManagePolicy;
import app.proxyme.domain.port.out.AuditLog;
import app.proxyme.engine.fga.RemoteFga;
import app.proxyme.engine.fga.RemoteTuples;
import app.proxyme.engine.fga.Tuple;
import app.proxyme.engine.policy.file.PolicyDocument;
import app.proxyme.engine.policy.file.PolicyFiles;
import app.proxyme.engine.policy.file.PolicyTuples;
import app.proxyme.engine.policy.file.PolicyYaml;
import app.proxyme.engine.policy.file.YamlLines;
import app.proxyme.engine.policy.rules.RuleReading;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Use case: an organisation's policy as code, whole or one entry at a time ({@link ManagePolicy}). Every change takes
 * one path: the current policy is read, the change applied, the result validated completely (nothing changes on any
 * problem), then stored, audit first: a {@code policy_changed} audit event listing what changed, each changed setting
 * with its old and new value, durable before anything changes; then, against an FGA server, the model if the change
 * touches the {@code auto_when} conditions and the tuples (both undone if a later step fails); then the database in
 * one transaction.
 */
public final class PolicyAsCode implements ManagePolicy {
    private final PolicyAdmin admin;
    private final RemoteTuples remote;
    private final PolicyModelWrites model;
    private final PolicyCases cases;
    private final AuditLog audit;

    private final RuleReading reading;

    /**
     * Embedded FGA (no model to write); the file's test cases are stored, not run; rules written as text only are
     * read by the local compiler alone.
     */
    public PolicyAsCode(PolicyAdmin admin, RemoteTuples remote, AuditLog audit) {
        this(admin, RemoteFga.tuplesOnly(remote), PolicyCases.SKIP, audit, RuleReading.LOCAL);
    }

    /**
     * @param remote what a change writes outside the database ({@link RemoteFga#EMBEDDED}: nothing)
     * @param cases how the document's test cases are run before a change is stored (a failing one refuses it)
     * @param reading how an imported rule written as text only is read (with a connected model, or not)
     */
    public PolicyAsCode(PolicyAdmin admin, RemoteFga remote, PolicyCases cases, AuditLog audit, RuleReading reading) {
        this.admin = Objects.requireNonNull(admin, "admin");
        this.remote = Objects.requireNonNull(remote, "remote").tuples();
        this.model = new PolicyModelWrites(remote.model(), remote.lease(), admin);
        this.cases = Objects.requireNonNull(cases, "cases");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.reading = Objects.requireNonNull(reading, "reading");
    }

    /** The caller's organisation's policy as YAML. */
    @Override
    public String export(Member caller) {
        requireAdmin(caller);
        return PolicyYaml.write(current(caller.org()));
    }

    /**
     * Replaces the caller's organisation's policy with the file.
     *
     * @throws PolicyFiles.InvalidPolicyException with every problem and its line; nothing changed
     */
    @Override
    public PolicyChange replace(Member caller, String yaml) {
        return importFile(caller, yaml);
    }

    @Override
    public PolicyOverview overview(Member caller) {
        requireAdmin(caller);
        return PolicyOverviews.of(current(caller.org()));
    }

    @Override
    public PolicyChange renameRole(Member caller, String from, String to) {
        return edit(caller, "rename_role", doc -> RoleRename.apply(doc, from, to));
    }

    @Override
    public PolicyChange putRole(Member caller, RoleEntry role) {
        Objects.requireNonNull(role, "role");
        return edit(caller, "put_role", doc -> PolicyEdits.putRole(doc, role));
    }

    @Override
    public PolicyChange removeRole(Member caller, String role) {
        return edit(caller, "remove_role", doc -> PolicyEdits.removeRole(doc, role));
    }

    @Override
    public PolicyChange putMember(Member caller, MemberEntry member) {
        Objects.requireNonNull(member, "member");
        return edit(caller, "put_member", doc -> PolicyEdits.putMember(doc, member));
    }

    @Override
    public PolicyChange removeMember(Member caller, String email) {
        return edit(caller, "remove_member", doc -> PolicyEdits.removeMember(doc, email));
    }

    @Override
    public PolicyChange putTopic(Member caller, Topic topic) {
        Objects.requireNonNull(topic, "topic");
        return edit(caller, "put_topic", doc -> PolicyEdits.putTopic(doc, topic));
    }

    @Override
    public PolicyChange removeTopic(Member caller, String topicId) {
        return edit(caller, "remove_topic", doc -> PolicyEdits.removeTopic(doc, topicId));
    }

    @Override
    public PolicyChange putRule(Member caller, RuleEntry rule) {
        Objects.requireNonNull(rule, "rule");
        return edit(caller, "put_rule", doc -> PolicyEdits.putRule(doc, rule));
    }

    @Override
    public PolicyChange removeRule(Member caller, String ruleId) {
        return edit(caller, "remove_rule", doc -> PolicyEdits.removeRule(doc, ruleId));
    }

    @Override
    public PolicyChange enableRule(Member caller, String ruleId, boolean enabled) {
        return edit(
                caller, enabled ? "enable_rule" : "disable_rule", doc -> PolicyEdits.enableRule(doc, ruleId, enabled));
    }

    @Override
    public PolicyChange updateSettings(Member caller, SettingsUpdate settings) {
        Objects.requireNonNull(settings, "settings");
        return edit(caller, "update_settings", doc -> PolicyEdits.updateSettings(doc, settings));
    }

    private synchronized PolicyChange importFile(Member caller, String yaml) {
        PolicyDocument doc = parseFor(caller, yaml);
        requirePassingCases(doc, yaml);
        return apply(caller, "import", current(caller.org()), doc);
    }

    @Override
    public PolicyChange preview(Member caller, String yaml) {
        PolicyDocument doc = parseFor(caller, yaml);
        requirePassingCases(doc, yaml);
        PolicyDocument before = current(caller.org());
        var tuplesBefore = new LinkedHashSet<>(PolicyTuples.of(before));
        var tuplesAfter = new LinkedHashSet<>(PolicyTuples.of(doc));
        int writes = (int)
                tuplesAfter.stream().filter(t -> !tuplesBefore.contains(t)).count();
        int deletes = (int)
                tuplesBefore.stream().filter(t -> !tuplesAfter.contains(t)).count();
        return new PolicyChange(doc.org(), PolicyDiff.between(before, doc).changed(), writes, deletes);
    }

    /**
     * The file's test cases, run against the file: each one that fails is an error at its line, as the file's other
     * problems are, and nothing changes.
     */
    private void requirePassingCases(PolicyDocument doc, String yaml) {
        List<String> failing = cases.failures(doc);
        if (!failing.isEmpty()) {
            YamlLines lines = YamlLines.of(yaml);
            throw PolicyFiles.InvalidPolicyException.at(failing.stream()
                    .map(f -> new PolicyProblem(lines.lineOf(f), f))
                    .toList());
        }
    }

    /** The file as a document of the caller's own organisation, for its admin. */
    private PolicyDocument parseFor(Member caller, String yaml) {
        requireAdmin(caller);
        PolicyDocument doc = PolicyFiles.parse(yaml == null ? "" : yaml, reading);
        if (!caller.org().equals(doc.org())) {
            throw PolicyFiles.InvalidPolicyException.at(List.of(new PolicyProblem(
                    YamlLines.of(yaml).lineOf("org: "),
                    "org: this file is for organisation '" + doc.org() + "'; you administer '" + caller.org() + "'")));
        }
        return doc;
    }

    /**
     * A granular change: the current document with the change applied must be valid as a whole, as an imported
     * file must, and leave the organisation an admin.
     */
    private synchronized PolicyChange edit(Member caller, String operation, UnaryOperator<PolicyDocument> change) {
        requireAdmin(caller);
        PolicyDocument before = current(caller.org());
        PolicyDocument after = change.apply(before);
        List<String> problems = after.problems();
        if (!problems.isEmpty()) {
            throw DomainException.badRequest(String.join("; ", problems));
        }
        PolicyEdits.requireAnAdmin(after);
        List<String> failing = cases.failures(after);
        if (!failing.isEmpty()) {
            throw DomainException.badRequest(String.join("; ", failing));
        }
        return apply(caller, operation, before, after);
    }

    /**
     * Stores a valid document in place of {@code before}. Audit first: the {@code policy_changed} event is durable
     * before anything changes — then, against an FGA server, a new model when the conditions change (so that no
     * conditional tuple is written against a model without its condition; under the model lease, taken before the
     * audit event and held until the change is stored) and the tuples, then the database in one transaction. If the
     * lease or the append fails, nothing changes. If a later step fails, what it did is undone (the server's
     * tuples, and its model: the stored policies' model is written again), and a
     * second {@code policy_changed} event ({@code operation: "undo"}, {@code undoes}: the first one's id) records the
     * way back — each changed setting with its old and new value swapped — as far as the trail still takes it.
     */
    private PolicyChange apply(Member caller, String operation, PolicyDocument before, PolicyDocument doc) {
        boolean newModel = PolicyModelWrites.needed(before, doc);
        try (var held = model.hold(newModel)) {
            return store(caller, operation, before, doc, newModel);
        }
    }

    /** {@link #apply}, under the model lease when the change needs a new model. */
    private PolicyChange store(
            Member caller, String operation, PolicyDocument before, PolicyDocument doc, boolean newModel) {
        var tuplesBefore = new LinkedHashSet<>(PolicyTuples.of(before));
        var tuplesAfter = new LinkedHashSet<>(PolicyTuples.of(doc));
        List<Tuple> writes =
                tuplesAfter.stream().filter(t -> !tuplesBefore.contains(t)).toList();
        List<Tuple> deletes =
                tuplesBefore.stream().filter(t -> !tuplesAfter.contains(t)).toList();
        PolicyDiff diff = PolicyDiff.between(before, doc);

        AuditRecord recorded = audit.append(List.of(changed(caller, operation, doc, diff, writes, deletes, Map.of())))
                .get(0);
        if (newModel) {
            try {
                model.write(doc);
            } catch (RuntimeException e) {
                undo(caller, before, doc, deletes, writes, recorded, "the FGA server did not take the model", e);
                throw e;
            }
        }
        RemoteTuples.Applied applied;
        try {
            applied = remote.apply(writes, deletes);
        } catch (RemoteTuples.RemoteTuplesException e) {
            var unavailable = new DependencyUnavailableException(
                    "fga", "the FGA server did not take the policy's tuples;" + " nothing changed", e);
            restoreModel(newModel, unavailable);
            undo(caller, before, doc, deletes, writes, recorded, "the FGA server did not take the tuples", unavailable);
            throw unavailable;
        } catch (RuntimeException e) {
            restoreModel(newModel, e);
            undo(caller, before, doc, deletes, writes, recorded, "the FGA server did not take the tuples", e);
            throw e;
        }
        try {
            admin.replace(doc);
        } catch (RuntimeException e) {
            if (applied.tuples() > 0) {
                remote.undo(writes, deletes);
            }
            restoreModel(newModel, e);
            undo(caller, before, doc, deletes, writes, recorded, "the policy could not be stored", e);
            throw e;
        }
        return new PolicyChange(doc.org(), diff.changed(), writes.size(), deletes.size());
    }

    private void restoreModel(boolean written, RuntimeException failure) {
        if (written) {
            model.restore(failure);
        }
    }

    /** Records that a change recorded as {@code undone} did not take effect (best effort: the failure stands). */
    private void undo(
            Member caller,
            PolicyDocument before,
            PolicyDocument attempted,
            List<Tuple> writes,
            List<Tuple> deletes,
            AuditRecord undone,
            String reason,
            RuntimeException failure) {
        try {
            audit.append(List.of(changed(
                    caller,
                    "undo",
                    before,
                    PolicyDiff.between(attempted, before),
                    writes,
                    deletes,
                    Map.of("undoes", undone.id(), "reason", reason))));
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    private static AuditEntry changed(
            Member caller,
            String operation,
            PolicyDocument doc,
            PolicyDiff diff,
            List<Tuple> writes,
            List<Tuple> deletes,
            Map<String, Object> more) {
        var detail = new LinkedHashMap<String, Object>();
        detail.put("operation", operation);
        detail.put("topics", doc.topics().size());
        detail.put("roles", doc.roles().size());
        detail.put("members", doc.members().size());
        detail.put("rules", doc.rules().size());
        detail.put("tuplesWritten", writes.size());
        detail.put("tuplesDeleted", deletes.size());
        detail.put("changed", diff.changed());
        if (!diff.settings().isEmpty()) {
            detail.put("settings", diff.settings());
        }
        if (!diff.values().isEmpty()) {
            detail.put("values", diff.values());
        }
        detail.putAll(more);
        return new AuditEntry(
                AuditType.POLICY_CHANGED, doc.org(), null, null, caller.email(), null, null, null, detail);
    }

    private PolicyDocument current(String org) {
        return admin.export(org).orElseThrow(() -> DomainException.notFound("no organisation " + org));
    }

    private static void requireAdmin(Member caller) {
        Access.require(caller, Capability.MANAGE_POLICY);
    }
}
