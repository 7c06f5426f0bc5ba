package app.proxyme.engine.identity;

import app.proxyme.domain.access.SignedIn;
import app.proxyme.domain.audit.AuditEntry;
import app.proxyme.domain.audit.AuditType;
import app.proxyme.domain.policy.Member;
import app.proxyme.domain.port.in.PairDevice;
import app.proxyme.domain.port.out.AuditLog;
import app.proxyme.domain.port.out.DeviceTokens;
import app.proxyme.domain.port.out.PairingCodes;
import app.proxyme.domain.port.out.PolicyStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@link PairDevice}: a code is 24 random bytes (base64url, 32 characters), stored only as its SHA-256, redeemable
 * once within {@link #CODE_LIFETIME}. Audit first: {@code pairing_created} is durable before the code is stored and
 * shown; {@code device_paired} before the device gets its token. Both events name the pairing by the first 12 hex
 * digits of the code's hash ({@code detail.pairingId}), never by the code. A code whose {@code device_paired} event
 * cannot be recorded is given back unused. Expired codes are deleted whenever a new one is made.
 */
public final class DevicePairing implements PairDevice {
    /** How long a code can be redeemed (PROTOCOL.md: at most 5 minutes). */
    public static final Duration CODE_LIFETIME = Duration.ofMinutes(5);

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{32}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final PairingCodes codes;
    private final DeviceTokens tokens;
    private final PolicyStore policies;
    private final AuditLog audit;
    private final Clock clock;

    public DevicePairing(PairingCodes codes, DeviceTokens tokens, PolicyStore policies, AuditLog audit, Clock clock) {
        this.codes = codes;
        this.tokens = tokens;
        this.policies = policies;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public Pairing start(Member member) {
        byte[] random = new byte[24];
        RANDOM.nextBytes(random);
        String code = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        String hash = hash(code);
        Instant now = clock.instant();
        Instant expiresAt = now.plus(CODE_LIFETIME);
        record(AuditType.PAIRING_CREATED, member, hash, Map.of("expiresAt", expiresAt.toString()));
        codes.save(hash, member.org(), member.email(), now, expiresAt);
        codes.forgetExpired(now); // pairings are rare: the table is tidied as they come, on every instance
        return new Pairing(code, expiresAt);
    }

    @Override
    public Optional<SignedIn> redeem(String code) {
        if (code == null || !CODE.matcher(code).matches()) {
            return Optional.empty();
        }
        String hash = hash(code);
        return codes.redeem(hash, clock.instant())
                .flatMap(holder ->
                        policies.member(holder.email()).filter(m -> m.org().equals(holder.org())))
                .map(member -> {
                    try {
                        record(AuditType.DEVICE_PAIRED, member, hash, Map.of("access", "approvals"));
                    } catch (RuntimeException e) {
                        codes.release(hash); // nothing was handed out: the same code works again once the trail does
                        throw e;
                    }
                    return new SignedIn(tokens.issue(member), member);
                });
    }

    private void record(AuditType type, Member member, String hash, Map<String, Object> more) {
        var detail = new java.util.LinkedHashMap<String, Object>();
        detail.put("pairingId", hash.substring(0, 12));
        detail.putAll(more);
        audit.append(List.of(
                new AuditEntry(type, member.org(), null, member.email(), member.email(), null, null, null, detail)));
    }

    static String hash(String code) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
