package app.proxyme.engine.keys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Optional;

/**
 * Keys in files of a directory (owner-only): how versions before the shared {@link KeyRing} kept them in the data
 * directory — {@code <name>.pk8} (an RSA key, PKCS#8 DER in base64) and {@code <name>.hmac} (a secret, base64url).
 * A ring adopts such a file as its first generation, so that what was signed with it stays valid.
 */
public final class KeyFiles {
    private KeyFiles() {}

    /** The PKCS#8 DER of {@code dir/<name>.pk8}, if that file exists. */
    public static Optional<byte[]> rsa(Path dir, String name) {
        return read(dir.resolve(name + ".pk8"), Base64.getDecoder());
    }

    /** The secret of {@code dir/<name>.hmac}, if that file exists. */
    public static Optional<byte[]> secret(Path dir, String name) {
        return read(dir.resolve(name + ".hmac"), Base64.getUrlDecoder());
    }

    /** The material of {@code dir/<name>.pk8} (RSA) or {@code dir/<name>.hmac} (a secret), if that file exists. */
    public static Optional<byte[]> of(Path dir, String name, KeyRing.Kind kind) {
        return kind == KeyRing.Kind.RSA ? rsa(dir, name) : secret(dir, name);
    }

    /** Writes {@code material} as {@code dir/<name>.pk8} (RSA) or {@code .hmac} (a secret), owner-only. */
    public static void write(Path dir, String name, KeyRing.Kind kind, byte[] material) {
        Path file = dir.resolve(name + (kind == KeyRing.Kind.RSA ? ".pk8" : ".hmac"));
        String text = kind == KeyRing.Kind.RSA
                ? Base64.getEncoder().encodeToString(material)
                : Base64.getUrlEncoder().withoutPadding().encodeToString(material);
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, name, ".tmp");
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the directory's own protection applies
            }
            Files.writeString(tmp, text);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write key file " + file, e);
        }
    }

    private static Optional<byte[]> read(Path file, Base64.Decoder decoder) {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(decoder.decode(Files.readString(file).trim()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read key file " + file, e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("key file " + file + " is not base64", e);
        }
    }
}
