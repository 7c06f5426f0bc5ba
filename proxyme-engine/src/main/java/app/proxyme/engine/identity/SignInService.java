package app.proxyme.engine.identity;

import app.proxyme.domain.access.SignedIn;
import app.proxyme.domain.policy.Member;
import app.proxyme.domain.port.in.SignIn;
import app.proxyme.domain.port.out.Identity;
import app.proxyme.domain.port.out.PolicyStore;
import app.proxyme.engine.policy.file.PolicyFiles;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** {@link SignIn} over an {@link Identity}; demo sign-in only when the identity is the embedded one. */
public final class SignInService implements SignIn {
    private final Identity identity;
    private final PolicyStore policies;
    private final boolean demo;

    /**
     * @param demo whether demo sign-in by e-mail is offered ({@code PROXYME_IDENTITY=embedded})
     */
    public SignInService(Identity identity, PolicyStore policies, boolean demo) {
        this.identity = Objects.requireNonNull(identity, "identity");
        this.policies = Objects.requireNonNull(policies, "policies");
        this.demo = demo;
    }

    @Override
    public Optional<Member> authenticate(String bearerToken) {
        return bearerToken == null || bearerToken.isBlank() ? Optional.empty() : identity.verify(bearerToken);
    }

    @Override
    public Map<String, Object> publicKeys() {
        return identity.jwks();
    }

    @Override
    public boolean demoSignInOffered() {
        return demo;
    }

    @Override
    public Optional<SignedIn> demoSignIn(String email) {
        return demo ? identity.login(email) : Optional.empty();
    }

    @Override
    public List<Member> demoUsers() {
        if (!demo) {
            return List.of();
        }
        return PolicyFiles.DEMO_ORGS.stream()
                .flatMap(org -> PolicyFiles.demo(org).members().keySet().stream())
                .map(policies::member)
                .flatMap(Optional::stream)
                .toList();
    }
}
