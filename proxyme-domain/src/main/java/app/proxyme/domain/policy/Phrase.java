package app.proxyme.domain.policy;

/**
 * One of a rule's phrases, compiled: a case-insensitive regular expression an admin wrote, run on customer speech.
 * The domain only asks whether it is found; whoever loads the policy compiles it (the engine, with a linear-time
 * engine, so that no phrase and no speech can make a match run long, and refusing at import any phrase that engine
 * cannot run). Implementations are immutable and thread-safe.
 */
public interface Phrase {
    /** The expression as the admin wrote it. */
    String source();

    /** Whether the expression matches somewhere in {@code text}, ignoring case. */
    boolean foundIn(String text);
}
