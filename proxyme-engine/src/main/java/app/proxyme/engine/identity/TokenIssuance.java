package app.proxyme.engine.identity;

import app.proxyme.domain.DomainException;
import app.proxyme.domain.policy.Member;
import app.proxyme.domain.port.in.IssueToken;
import app.proxyme.domain.port.out.ScopedToken;
import app.proxyme.domain.port.out.TokenRefusedException;
import app.proxyme.domain.port.out.TokenVault;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;

/** {@link IssueToken} over the token vault (and so through its role check). */
public final class TokenIssuance implements IssueToken {
    private static final Set<String> SCOPES = Set.of(TokenVault.READ_TRANSCRIPTS, TokenVault.WRITE_SUGGESTIONS);

    private final TokenVault vault;
    private final Clock clock;

    public TokenIssuance(TokenVault vault, Clock clock) {
        this.vault = vault;
        this.clock = clock;
    }

    @Override
    public Issued issue(Member caller, String scope, String topic) {
        if (scope == null || !SCOPES.contains(scope)) {
            throw DomainException.badRequest(
                    "scope must be one of " + SCOPES.stream().sorted().toList());
        }
        if (scope.equals(TokenVault.WRITE_SUGGESTIONS) && (topic == null || topic.isBlank())) {
            throw DomainException.badRequest(TokenVault.WRITE_SUGGESTIONS + " needs a topic");
        }
        ScopedToken token;
        try {
            token = vault.obtain(caller, scope, scope.equals(TokenVault.READ_TRANSCRIPTS) ? null : topic);
        } catch (TokenRefusedException e) {
            throw DomainException.forbidden(e.getMessage());
        }
        long seconds =
                Math.max(0, Duration.between(clock.instant(), token.expiresAt()).toSeconds());
        return new Issued(token.value(), token.scope(), token.topic(), seconds);
    }
}
