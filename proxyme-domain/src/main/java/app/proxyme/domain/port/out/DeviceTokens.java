package app.proxyme.domain.port.out;

import app.proxyme.domain.policy.Member;
import java.util.Optional;

/**
 * Tokens of paired devices (the phone page): they stand for one member but open the approvals only — listing and
 * deciding the member's held suggestions and hearing of them live — never the rest of the API.
 */
public interface DeviceTokens {
    /** A device token for {@code member}. */
    String issue(Member member);

    /** The member a device token stands for; empty when it is bad, expired, or its member is gone. */
    Optional<Member> verify(String token);
}
