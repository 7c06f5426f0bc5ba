package app.proxyme.engine.policy;

import app.proxyme.engine.policy.file.PolicyDocument;
import java.util.List;
import java.util.Optional;

/**
 * Writes organisations' policies: topics, roles, members, rules, settings and the FGA tuples that follow from
 * them, each document in one transaction.
 */
public interface PolicyAdmin {
    /** The organisations stored. */
    List<String> organisations();

    /**
     * Stores the document as a new organisation.
     *
     * @return {@code false} (and nothing changed) when the organisation already exists
     */
    boolean createIfAbsent(PolicyDocument doc);

    /** Replaces the organisation's whole policy (creating the organisation when it is new). */
    void replace(PolicyDocument doc);

    /** The organisation's stored policy as a document, or empty when the organisation does not exist. */
    Optional<PolicyDocument> export(String org);
}
