package app.proxyme.engine.keys;

import java.time.Instant;
import java.util.Objects;

/**
 * One generation of a purpose's key as it is stored: its id, its private material (PKCS#8 DER of an RSA key, or a
 * secret), when it was made, from when it signs and until when it verifies ({@code null}: for ever).
 */
public record StoredKey(
        String purpose,
        int generation,
        String kid,
        byte[] material,
        Instant createdAt,
        Instant signsFrom,
        Instant retiresAt) {
    public StoredKey {
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(kid, "kid");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(signsFrom, "signsFrom");
        material = material.clone();
        if (generation < 1) {
            throw new IllegalArgumentException("generations count from 1: " + generation);
        }
    }

    @Override
    public byte[] material() {
        return material.clone();
    }

    /** Whether this key still verifies at {@code now}. */
    public boolean verifiesAt(Instant now) {
        return retiresAt == null || now.isBefore(retiresAt);
    }

    @Override
    public String toString() { // never the material
        return "StoredKey[" + purpose + " #" + generation + " " + kid + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StoredKey k
                && purpose.equals(k.purpose)
                && generation == k.generation
                && kid.equals(k.kid)
                && java.util.Arrays.equals(material, k.material)
                && createdAt.equals(k.createdAt)
                && signsFrom.equals(k.signsFrom)
                && Objects.equals(retiresAt, k.retiresAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(purpose, generation, kid);
    }
}
