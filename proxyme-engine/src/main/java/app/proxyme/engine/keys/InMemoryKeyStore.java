package app.proxyme.engine.keys;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Keys of one process only: for throwaway databases (the warm-up rehearsal), tests and benchmarks. */
public final class InMemoryKeyStore implements KeyStore {
    private final List<StoredKey> keys = new ArrayList<>();

    @Override
    public synchronized List<StoredKey> keys(String purpose) {
        return keys.stream()
                .filter(k -> k.purpose().equals(purpose))
                .sorted(Comparator.comparingInt(StoredKey::generation))
                .toList();
    }

    @Override
    public synchronized boolean add(StoredKey key) {
        if (keys.stream()
                .anyMatch(k -> k.purpose().equals(key.purpose())
                        && (k.generation() == key.generation() || k.kid().equals(key.kid())))) {
            return false;
        }
        return keys.add(key);
    }

    @Override
    public synchronized void retireBelow(String purpose, int generation, Instant at) {
        keys.replaceAll(k -> k.purpose().equals(purpose)
                        && k.generation() < generation
                        && (k.retiresAt() == null || k.retiresAt().isAfter(at))
                ? new StoredKey(k.purpose(), k.generation(), k.kid(), k.material(), k.createdAt(), k.signsFrom(), at)
                : k);
    }
}
