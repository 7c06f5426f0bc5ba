package app.proxyme.domain.port.in;

import app.proxyme.domain.policy.Member;
import java.util.Map;

/**
 * Use case: a participant's meeting values ({@code deal_size}, {@code customer_region}, ...), which the policy
 * declares and its conditional effects ({@code auto_when}) read. Each change is recorded before it takes effect.
 */
public interface SetMeetingContext {
    /** The values the member set for this meeting. */
    Map<String, Object> current(Member member, String meetingId);

    /** The values the member's organisation declares, with their types ({@code int}, {@code string}, ...). */
    Map<String, String> declared(Member member);

    /**
     * Sets values ({@code null} clears one; names not given keep their value), audited as {@code context_set};
     * returns the values as they now are.
     *
     * @throws app.proxyme.domain.DomainException {@code BAD_REQUEST} naming a value that is not declared or not of
     *     its type; nothing changes then
     */
    Map<String, Object> set(Member member, String meetingId, Map<String, ?> values);
}
