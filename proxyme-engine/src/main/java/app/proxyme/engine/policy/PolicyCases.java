package app.proxyme.engine.policy;

import app.proxyme.engine.policy.file.PolicyDocument;
import java.util.List;

/**
 * The policy file's test cases ({@code tests:}) run against a document before it is stored, so that a change that
 * breaks one is refused and changes nothing.
 */
public interface PolicyCases {
    /** Cases are stored, not run: for use-case tests that have no classifier to decide them with. */
    PolicyCases SKIP = doc -> List.of();

    /**
     * The cases of {@code doc} whose decision is not the one they expect, each as a problem with its path
     * ({@code "tests[1]: expected AUTO, decided APPROVE by fga: …"}); empty when every case passes.
     */
    List<String> failures(PolicyDocument doc);
}
