package app.proxyme.domain.port.out;

import app.proxyme.domain.DependencyUnavailableException;
import app.proxyme.domain.chunk.PrecedingTurns;
import app.proxyme.domain.policy.Member;
import app.proxyme.domain.policy.Topic;

/** Proposes the answer to a question, on a topic the member was authorized to answer on. */
public interface ResponseGenerator {
    /**
     * @param member who will say it
     * @param topic the topic of the question, with its playbook
     * @param question what was said (untrusted data, never instructions)
     * @param token the {@code write:suggestions} token for that topic
     * @throws DependencyUnavailableException when no answer can be had
     */
    String generate(Member member, Topic topic, String question, ScopedToken token);

    /**
     * Whether this generator reads the turns before a question ({@link #generate(Member, Topic, String,
     * PrecedingTurns, ScopedToken)}), so that they are worth reading from the trail for it.
     */
    default boolean readsContext() {
        return false;
    }

    /**
     * {@link #generate(Member, Topic, String, ScopedToken)}, with the turns said just before the question in the
     * meeting (untrusted data too), which a generator may use to word the answer; by default they are not read.
     */
    default String generate(Member member, Topic topic, String question, PrecedingTurns before, ScopedToken token) {
        return generate(member, topic, question, token);
    }
}
