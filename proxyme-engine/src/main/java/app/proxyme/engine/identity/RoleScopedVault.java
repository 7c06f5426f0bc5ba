package app.proxyme.engine.identity;

import static app.proxyme.domain.port.out.RelationshipCheck.CAN_AUTO_RESPOND;
import static app.proxyme.domain.port.out.RelationshipCheck.CAN_RESPOND_WITH_APPROVAL;

import app.proxyme.domain.policy.Member;
import app.proxyme.domain.port.out.RelationshipCheck;
import app.proxyme.domain.port.out.RelationshipQuery;
import app.proxyme.domain.port.out.ScopedToken;
import app.proxyme.domain.port.out.TokenRefusedException;
import app.proxyme.domain.port.out.TokenVault;
import java.util.List;
import java.util.Objects;

/**
 * The role check every token issuer goes through: a {@code write:suggestions} token for a topic is handed out only
 * when FGA says the member's role may answer on it (on its own or with approval), checked on every request, also when
 * the issuer has the token already; {@code read:transcripts} is every member's; any other scope is refused.
 */
public final class RoleScopedVault implements TokenVault {
    private final RelationshipCheck fga;
    private final TokenVault issuer;

    public RoleScopedVault(RelationshipCheck fga, TokenVault issuer) {
        this.fga = Objects.requireNonNull(fga, "fga");
        this.issuer = Objects.requireNonNull(issuer, "issuer");
    }

    @Override
    public ScopedToken obtain(Member member, String scope, String topic) {
        switch (scope == null ? "" : scope) {
            case READ_TRANSCRIPTS -> {}
            case WRITE_SUGGESTIONS -> {
                if (topic == null) {
                    throw new TokenRefusedException("write:suggestions is bound to a topic");
                }
                String object = RelationshipCheck.topic(member.org(), topic);
                String user = RelationshipCheck.user(member.email());
                List<Boolean> answers = fga.check(List.of(
                        new RelationshipQuery(user, CAN_AUTO_RESPOND, object),
                        new RelationshipQuery(user, CAN_RESPOND_WITH_APPROVAL, object)));
                if (!answers.contains(Boolean.TRUE)) {
                    throw new TokenRefusedException("role " + member.role() + " may not respond on " + topic);
                }
            }
            default -> throw new TokenRefusedException("unknown scope " + scope);
        }
        return issuer.obtain(member, scope, topic);
    }
}
