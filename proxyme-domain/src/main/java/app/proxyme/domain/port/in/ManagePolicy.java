package app.proxyme.domain.port.in;

import app.proxyme.domain.policy.Effect;
import app.proxyme.domain.policy.Member;
import app.proxyme.domain.policy.RuleScope;
import app.proxyme.domain.policy.Topic;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Use case: the organisation's admin reads and changes its policy, as the whole policy file (PROTOCOL.md "Policy
 * file") or one entry at a time. Every change, whole or granular, takes the same path: the current policy with the
 * change applied is validated as a whole, stored with its relationships, and audited as {@code policy_changed};
 * a refused or invalid change leaves the stored policy as it was. Only a member allowed to manage the policy of
 * their own organisation may call it.
 *
 * <p>Every method throws {@link app.proxyme.domain.DomainException} {@code FORBIDDEN} for a caller who may not
 * manage the policy. The granular ones also throw {@code NOT_FOUND} for an entry that does not exist,
 * {@code CONFLICT} for a removal of an entry still in use (naming its users) or one that would leave the
 * organisation without an admin, and {@code BAD_REQUEST} when the policy would not be valid after the change.
 */
public interface ManagePolicy {
    /** The caller's organisation's policy file (YAML); export, import and export again give the same bytes. */
    String export(Member caller);

    /**
     * Replaces the caller's organisation's whole policy with the file.
     *
     * @throws app.proxyme.domain.policy.InvalidPolicyException with every problem and its line
     */
    PolicyChange replace(Member caller, String yaml);

    /**
     * What replacing the policy with the file would change (the entries, the tuples to write and delete), without
     * changing anything: the diff the console shows before an import is applied.
     *
     * @throws app.proxyme.domain.policy.InvalidPolicyException with every problem and its line
     */
    PolicyChange preview(Member caller, String yaml);

    /**
     * The caller's organisation's policy as the console shows it: topics, roles with their topic lists, members and
     * rules, in file order.
     */
    PolicyOverview overview(Member caller);

    /** Adds the role, or replaces the topic lists of the role with that name. */
    PolicyChange putRole(Member caller, RoleEntry role);

    /** Removes a role no member, rule or playground case uses any more, with its default grants. */
    PolicyChange removeRole(Member caller, String role);

    /**
     * Renames a role, moving its members, role rules, playground cases and default grants to the new name.
     * {@code CONFLICT} when a role of the new name exists.
     */
    PolicyChange renameRole(Member caller, String from, String to);

    /** Adds the member, or changes the role, name or subject of the member with that e-mail. */
    PolicyChange putMember(Member caller, MemberEntry member);

    /** Removes a member no rule or playground case names. */
    PolicyChange removeMember(Member caller, String email);

    /** Adds the topic to the end of the catalogue, or replaces the topic with that id where it is. */
    PolicyChange putTopic(Member caller, Topic topic);

    /** Removes a topic no role or rule names. */
    PolicyChange removeTopic(Member caller, String topicId);

    /** Adds the rule at the end, or replaces the rule with that id where it is. */
    PolicyChange putRule(Member caller, RuleEntry rule);

    /** Removes the rule. */
    PolicyChange removeRule(Member caller, String ruleId);

    /** Puts the rule in force ({@code true}) or keeps it in the policy without effect ({@code false}). */
    PolicyChange enableRule(Member caller, String ruleId, boolean enabled);

    /** Changes the settings the update gives; the others stay as they are. */
    PolicyChange updateSettings(Member caller, SettingsUpdate settings);

    /**
     * A role and what its holders may answer: topics in none of the lists are DENY.
     *
     * @param name lower case letters, digits, {@code _} and {@code -}
     * @param autoWhen by topic, the condition (CEL over the meeting's values) under which a topic the role answers
     *     only after approval, or not at all, is answered on its own; kept as it is by an edit that passes none
     */
    record RoleEntry(
            String name, List<String> auto, List<String> approve, List<String> deny, Map<String, String> autoWhen) {
        /** A role without conditions of its own (an edit keeps the conditions the role has). */
        public RoleEntry(String name, List<String> auto, List<String> approve, List<String> deny) {
            this(name, auto, approve, deny, Map.of());
        }

        private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]{0,63}");

        public RoleEntry {
            if (name == null || !NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("role name must match " + NAME.pattern() + ": " + name);
            }
            auto = List.copyOf(Objects.requireNonNullElse(auto, List.of()));
            approve = List.copyOf(Objects.requireNonNullElse(approve, List.of()));
            deny = List.copyOf(Objects.requireNonNullElse(deny, List.of()));
            autoWhen = Map.copyOf(Objects.requireNonNullElse(autoWhen, Map.of()));
        }

        /** The condition under which {@code topic} is answered on its own, if the role has one. */
        public java.util.Optional<String> condition(String topic) {
            return java.util.Optional.ofNullable(autoWhen.get(topic));
        }
    }

    /**
     * A member of the organisation.
     *
     * @param email their e-mail address, stored lower case
     * @param role the one role they hold
     * @param name display name, or {@code null}
     * @param subject their identity provider's subject, or {@code null} for the default {@code auth0|<email>}
     */
    record MemberEntry(String email, String role, String name, String subject) {
        public MemberEntry {
            Objects.requireNonNull(email, "email");
            email = email.trim().toLowerCase(Locale.ROOT);
            if (!email.matches("[^@\\s]+@[^@\\s]+")) {
                throw new IllegalArgumentException("not an email address: " + email);
            }
            if (role == null || role.isBlank()) {
                throw new IllegalArgumentException("member " + email + " needs a role");
            }
            if (subject != null && subject.isBlank()) {
                throw new IllegalArgumentException("subject of " + email + " is blank; leave it out for the default");
            }
        }
    }

    /**
     * A natural-language rule with its compiled form.
     *
     * @param id stable identifier
     * @param text the rule as the admin wrote it
     * @param scope org-, role- or user-level
     * @param subject the role or member e-mail it is for; {@code null} for {@link RuleScope#ORG}
     * @param enabled whether it is in force
     * @param effect the most the outcome may be when it matches
     * @param topics the topics it is about
     * @param phrases regular expressions over what the customer said
     * @param entities names the rule is about (kept with the rule; not yet used by the decision)
     */
    record RuleEntry(
            String id,
            String text,
            RuleScope scope,
            String subject,
            boolean enabled,
            Effect effect,
            List<String> topics,
            List<String> phrases,
            List<String> entities) {
        private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,99}");

        public RuleEntry {
            if (id == null || !ID.matcher(id).matches()) {
                throw new IllegalArgumentException("rule id must match " + ID.pattern() + ": " + id);
            }
            if (text == null || text.isBlank()) {
                throw new IllegalArgumentException("rule " + id + " needs its text");
            }
            Objects.requireNonNull(scope, "scope");
            Objects.requireNonNull(effect, "effect");
            if (scope != RuleScope.ORG && (subject == null || subject.isBlank())) {
                throw new IllegalArgumentException("rule " + id + " of scope " + scope + " needs a subject");
            }
            subject = scope == RuleScope.ORG ? null : subject;
            topics = List.copyOf(Objects.requireNonNullElse(topics, List.of()));
            phrases = List.copyOf(Objects.requireNonNullElse(phrases, List.of()));
            entities = List.copyOf(Objects.requireNonNullElse(entities, List.of()));
            if (topics.isEmpty() && phrases.isEmpty()) {
                throw new IllegalArgumentException("rule " + id + " names neither topics nor phrases");
            }
        }
    }

    /**
     * New values of settings; {@code null} leaves a setting as it is.
     *
     * @param minConfidence in [0, 1]
     * @param ambiguityMargin in [0, 1]
     * @param approvalTimeout whole seconds, at least one
     */
    record SettingsUpdate(Double minConfidence, Double ambiguityMargin, Duration approvalTimeout) {
        public SettingsUpdate {
            if (minConfidence != null && !(minConfidence >= 0 && minConfidence <= 1)) {
                throw new IllegalArgumentException("minConfidence must be in [0,1]: " + minConfidence);
            }
            if (ambiguityMargin != null && !(ambiguityMargin >= 0 && ambiguityMargin <= 1)) {
                throw new IllegalArgumentException("ambiguityMargin must be in [0,1]: " + ambiguityMargin);
            }
            if (approvalTimeout != null
                    && (approvalTimeout.toSeconds() < 1
                            || approvalTimeout.toNanosPart() != 0
                            || approvalTimeout.toSeconds() > Integer.MAX_VALUE)) {
                throw new IllegalArgumentException(
                        "approvalTimeout must be a whole number of seconds, at least one: " + approvalTimeout);
            }
        }
    }

    /**
     * An organisation's policy, entry by entry.
     *
     * @param org the organisation
     * @param topics the catalogue, in file order
     * @param roles the roles, in file order
     * @param members the members, in file order
     * @param rules the rules, in file order
     */
    record PolicyOverview(
            String org, List<Topic> topics, List<RoleEntry> roles, List<MemberEntry> members, List<RuleEntry> rules) {
        public PolicyOverview {
            Objects.requireNonNull(org, "org");
            topics = List.copyOf(topics);
            roles = List.copyOf(roles);
            members = List.copyOf(members);
            rules = List.copyOf(rules);
        }

        /** The effect holders of {@code role} get on {@code topic}: topics in none of its lists are DENY. */
        public Effect effect(RoleEntry role, String topic) {
            if (role.auto().contains(topic)) {
                return Effect.AUTO;
            }
            return role.approve().contains(topic) ? Effect.APPROVE : Effect.DENY;
        }

        /** The members holding {@code role}. */
        public List<MemberEntry> holders(String role) {
            return members.stream().filter(m -> m.role().equals(role)).toList();
        }
    }

    /**
     * What a change did.
     *
     * @param org the organisation
     * @param changed the entries whose stored value changed ({@code roles.junior_ae}, {@code settings.minConfidence},
     *     {@code rules.no-pricing}, ...), empty when the change left the policy as it was
     * @param tuplesWritten relationship tuples added
     * @param tuplesDeleted relationship tuples removed
     */
    record PolicyChange(String org, List<String> changed, int tuplesWritten, int tuplesDeleted) {
        public PolicyChange {
            Objects.requireNonNull(org, "org");
            changed = List.copyOf(changed);
            if (new HashSet<>(changed).size() != changed.size()) {
                throw new IllegalArgumentException("an entry is listed twice: " + changed);
            }
            if (tuplesWritten < 0 || tuplesDeleted < 0) {
                throw new IllegalArgumentException("tuple counts are not negative");
            }
        }
    }
}
