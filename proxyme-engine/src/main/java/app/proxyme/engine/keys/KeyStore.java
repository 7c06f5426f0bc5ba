package app.proxyme.engine.keys;

import java.time.Instant;
import java.util.List;

/**
 * Where the key generations of every purpose are kept for all instances (the database), so that instances agree on
 * which key signs and which keys verify.
 */
public interface KeyStore {
    /** Every generation of {@code purpose}'s key, oldest first. */
    List<StoredKey> keys(String purpose);

    /**
     * Stores a new generation.
     *
     * @return {@code false} when that generation exists already (another instance made it first): read it back
     */
    boolean add(StoredKey key);

    /** Lets every generation of {@code purpose} below {@code generation} verify until {@code at} at the latest. */
    void retireBelow(String purpose, int generation, Instant at);
}
