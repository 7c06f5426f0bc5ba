package app.proxyme.engine.identity;

import app.proxyme.domain.access.BrowserSignIn;
import app.proxyme.domain.access.SignedIn;
import app.proxyme.domain.policy.Member;
import app.proxyme.domain.port.in.SignIn;
import app.proxyme.domain.port.out.DeviceTokens;
import app.proxyme.domain.port.out.Identity;
import app.proxyme.domain.port.out.PolicyStore;
import app.proxyme.engine.policy.file.PolicyFiles;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/** {@link SignIn} over an {@link Identity}; demo sign-in only when the identity is the embedded one. */
public final class SignInService implements SignIn {
    private final Identity identity;
    private final PolicyStore policies;
    private final boolean demo;
    private final Supplier<Map<String, Object>> vaultKeys;
    private final DeviceTokens devices;

    /**
     * @param demo whether demo sign-in by e-mail is offered ({@code PROXYME_IDENTITY=embedded})
     * @param vaultKeys the JWK set of the keys that sign scoped tokens, published beside the identity's own
     * @param devices the tokens of paired phones, which open the approvals only
     */
    public SignInService(
            Identity identity,
            PolicyStore policies,
            boolean demo,
            Supplier<Map<String, Object>> vaultKeys,
            DeviceTokens devices) {
        this.identity = Objects.requireNonNull(identity, "identity");
        this.policies = Objects.requireNonNull(policies, "policies");
        this.demo = demo;
        this.vaultKeys = Objects.requireNonNull(vaultKeys, "vaultKeys");
        this.devices = Objects.requireNonNull(devices, "devices");
    }

    @Override
    public Optional<Member> authenticate(String bearerToken) {
        return bearerToken == null || bearerToken.isBlank() ? Optional.empty() : identity.verify(bearerToken);
    }

    @Override
    public Optional<Member> authenticateApprover(String bearerToken) {
        if (bearerToken == null || bearerToken.isBlank()) {
            return Optional.empty();
        }
        return devices.verify(bearerToken).or(() -> identity.verify(bearerToken));
    }

    /** The identity's keys (embedded identity) and the vault's, as one JWK set. */
    @Override
    public Map<String, Object> publicKeys() {
        var keys = new java.util.ArrayList<Object>();
        for (Map<String, Object> set : List.of(identity.jwks(), vaultKeys.get())) {
            if (set.get("keys") instanceof List<?> l) {
                keys.addAll(l);
            }
        }
        return Map.of("keys", keys);
    }

    @Override
    public Optional<BrowserSignIn> browserSignIn() {
        return demo ? Optional.empty() : identity.browserSignIn();
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
