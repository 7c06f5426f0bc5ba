package app.proxyme.engine.policy.file;

/** One problem of a policy file, at its 1-based line. */
public record PolicyProblem(int line, String message) {}
