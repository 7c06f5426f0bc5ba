package app.proxyme.engine.policy.file;

import app.proxyme.domain.chunk.Chunk;
import app.proxyme.domain.decision.Layer;
import app.proxyme.domain.decision.Outcome;
import app.proxyme.domain.policy.Effect;
import app.proxyme.domain.policy.RuleScope;
import app.proxyme.engine.policy.file.PolicyDocument.RuleForm;
import app.proxyme.engine.policy.file.PolicyDocument.RuleSpec;
import app.proxyme.engine.policy.file.PolicyDocument.TestSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The checks of a policy document's sections beyond topics, roles and members: domains, subjects, rules with their
 * compiled form, playground cases, permissions and grants. Each problem starts with the path it is about, so that
 * {@link YamlLines#lineOf} finds its line.
 */
final class PolicyChecks {
    private static final Pattern DOMAIN =
            Pattern.compile("(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern PERMISSION = Pattern.compile("[a-z][a-z0-9_-]{0,39}:[a-z0-9][a-z0-9_.-]{0,79}");
    private static final int MAX_SUBJECT = 320;
    private static final int MAX_ENTITY = 200;
    private static final int MAX_DESCRIPTION = 1000;

    private PolicyChecks() {}

    /** Domains are lower case domain names, each once; with domains given, every member's address is in one. */
    static List<String> domains(PolicyDocument doc) {
        var problems = new ArrayList<String>();
        var seen = new HashSet<String>();
        for (String d : doc.domains()) {
            if (d == null || !DOMAIN.matcher(d).matches()) {
                problems.add("domains: '" + d + "' is not a lower case domain name (acme.com)");
            } else if (!seen.add(d)) {
                problems.add("domains: '" + d + "' is listed twice");
            }
        }
        if (!doc.domains().isEmpty()) {
            doc.members().keySet().forEach(email -> {
                String domain = email.substring(email.indexOf('@') + 1).toLowerCase(Locale.ROOT);
                if (!seen.contains(domain)) {
                    problems.add("members." + email + ": e-mail domain '" + domain
                            + "' is not one of the organisation's domains");
                }
            });
        }
        return problems;
    }

    /** A subject, when given, is not blank; no two members have the same subject, given or default. */
    static List<String> subjects(PolicyDocument doc) {
        var problems = new ArrayList<String>();
        var bySubject = new HashMap<String, String>();
        doc.members().forEach((email, m) -> {
            String at = "members." + email + ".subject";
            if (m.subject() != null && (m.subject().isBlank() || m.subject().length() > MAX_SUBJECT)) {
                problems.add(at + ": a subject is 1 to " + MAX_SUBJECT + " characters; leave it out for the default "
                        + PolicyDocument.MemberSpec.defaultSubject(email));
                return;
            }
            String subject = m.subjectOf(email);
            String other = bySubject.putIfAbsent(subject, email);
            if (other != null) {
                problems.add(at + ": '" + subject + "' is also the subject of " + other);
            }
        });
        return problems;
    }

    /** A rule's text, scope and subject, and its compiled form: known effect, known topics, valid phrases. */
    static void rule(
            PolicyDocument doc,
            RuleSpec r,
            String at,
            List<String> problems,
            java.util.function.Function<RuleSpec, String> whyNotCompiled) {
        if (r.text() == null || r.text().isBlank()) {
            problems.add(at + ": text is required");
        }
        try {
            RuleScope scope = RuleScope.valueOf(String.valueOf(r.scope()).toUpperCase(Locale.ROOT));
            if (scope == RuleScope.ROLE && !doc.roles().containsKey(r.subject())) {
                problems.add(at + ": unknown role '" + r.subject() + "'");
            }
            if (scope == RuleScope.USER && !doc.members().containsKey(String.valueOf(r.subject()))) {
                problems.add(at + ": unknown member '" + r.subject() + "'");
            }
        } catch (IllegalArgumentException e) {
            problems.add(at + ": scope must be org, role or user");
        }
        var c = r.compiled();
        if (r.textOnly()) {
            problems.add(
                    r.text() == null || r.text().isBlank()
                            ? at + ": the compiled form is missing: compiled: {effect, topics, phrases, entities}"
                            : at + ": cannot compile \"" + r.text() + "\": " + whyNotCompiled.apply(r));
            return;
        }
        String in = r.form() == RuleForm.COMPILED ? at + ".compiled" : at;
        if (c.effect() == null) {
            problems.add(in + ": effect is required (DENY, APPROVE or AUTO)");
        } else if (Arrays.stream(Effect.values()).noneMatch(e -> e.name().equalsIgnoreCase(c.effect()))) {
            problems.add(in + ": effect must be DENY, APPROVE or AUTO, not '" + c.effect() + "'");
        }
        c.topics().stream()
                .filter(t -> !doc.topics().containsKey(t))
                .forEach(t -> problems.add(in + ": unknown topic '" + t + "'"));
        if (c.topics().isEmpty() && c.phrases().isEmpty()) {
            problems.add(in + ": a rule names topics, phrases or both");
        }
        for (String p : c.phrases()) {
            RulePhrases.problem(p).ifPresent(why -> problems.add(in + ": " + why));
        }
        var entities = new HashSet<String>();
        for (String e : c.entities()) {
            if (e == null || e.isBlank() || e.length() > MAX_ENTITY) {
                problems.add(
                        in + ".entities: an entity is a name of 1 to " + MAX_ENTITY + " characters, not '" + e + "'");
            } else if (!entities.add(e)) {
                problems.add(in + ".entities: '" + e + "' is listed twice");
            }
        }
    }

    /**
     * Playground cases: text, exactly one known member or role, meeting values the policy declares (each of its type,
     * checked as a user's are), a known outcome and (if given) layer.
     */
    static List<String> tests(PolicyDocument doc) {
        var problems = new ArrayList<String>();
        var declared = doc.contextPolicy();
        for (int i = 0; i < doc.tests().size(); i++) {
            TestSpec t = doc.tests().get(i);
            String at = "tests[" + i + "]";
            t.context().forEach((name, value) -> {
                String field = at + ".context." + name;
                if (value == null) {
                    problems.add(field + ": a case sets a value; leave the name out instead");
                    return;
                }
                try {
                    declared.check(java.util.Collections.singletonMap(name, value), at + ".context");
                } catch (IllegalArgumentException e) {
                    problems.add(field + ": " + e.getMessage().replaceFirst("^field '[^']*' ", ""));
                }
            });
            if (t.text() == null || t.text().isBlank()) {
                problems.add(at + ".text: the customer's words are required");
            } else if (t.text().length() > Chunk.MAX_TEXT) {
                problems.add(at + ".text: longer than " + Chunk.MAX_TEXT + " characters");
            }
            if (t.member() == null && t.role() == null) {
                problems.add(at + ": name the member or the role the case is for");
            } else if (t.member() != null && t.role() != null) {
                problems.add(at + ": a case is for a member or for a role, not both");
            } else if (t.member() != null && !doc.members().containsKey(t.member())) {
                problems.add(at + ".member: unknown member '" + t.member() + "'");
            } else if (t.role() != null && !doc.roles().containsKey(t.role())) {
                problems.add(at + ".role: unknown role '" + t.role() + "'");
            }
            if (t.outcome() == null) {
                problems.add(at + ".expect: outcome is required (" + names(Outcome.values()) + ")");
            } else if (outcome(t.outcome()) == null) {
                problems.add(at + ".expect.outcome: unknown outcome '" + t.outcome() + "' (" + names(Outcome.values())
                        + ")");
            }
            if (t.layer() != null && layer(t.layer()) == null) {
                problems.add(at + ".expect.layer: unknown layer '" + t.layer() + "' ("
                        + String.join(
                                ", ",
                                Arrays.stream(Layer.values()).map(Layer::wire).toList()) + ")");
            }
        }
        return problems;
    }

    /** Permissions are {@code kind:what} with a description; grants name known roles and defined permissions. */
    static List<String> permissions(PolicyDocument doc) {
        var problems = new ArrayList<String>();
        doc.permissions().forEach((name, description) -> {
            String at = "permissions." + name;
            if (!PERMISSION.matcher(name).matches()) {
                problems.add(at + ": a permission is named kind:what in lower case (read:pii, agent:finance)");
            }
            if (description == null || description.isBlank() || description.length() > MAX_DESCRIPTION) {
                problems.add(at + ": a description of 1 to " + MAX_DESCRIPTION + " characters is required");
            }
        });
        doc.grants().forEach((role, permissions) -> {
            String at = "grants." + role;
            if (!doc.roles().containsKey(role)) {
                problems.add(at + ": unknown role '" + role + "'");
            }
            var seen = new HashSet<String>();
            for (String p : permissions) {
                if (!doc.permissions().containsKey(p)) {
                    problems.add(at + ": unknown permission '" + p + "' (define it under permissions)");
                } else if (!seen.add(p)) {
                    problems.add(at + ": permission '" + p + "' is listed twice");
                }
            }
        });
        return problems;
    }

    /** The outcome's name for a case-insensitive one, else {@code null}. */
    static String outcome(String value) {
        return Arrays.stream(Outcome.values())
                .map(Enum::name)
                .filter(n -> n.equalsIgnoreCase(value))
                .findFirst()
                .orElse(null);
    }

    /** The layer's wire name for a case-insensitive wire or enum name, else {@code null}. */
    static String layer(String value) {
        return Arrays.stream(Layer.values())
                .filter(l -> l.wire().equalsIgnoreCase(value) || l.name().equalsIgnoreCase(value))
                .map(Layer::wire)
                .findFirst()
                .orElse(null);
    }

    private static String names(Enum<?>[] values) {
        return String.join(", ", Arrays.stream(values).map(Enum::name).toList());
    }
}
