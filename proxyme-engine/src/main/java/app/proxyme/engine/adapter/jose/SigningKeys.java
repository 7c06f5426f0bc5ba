package app.proxyme.engine.adapter.jose;

import app.proxyme.engine.keys.Jwks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.Map;

/**
 * An RSA key pair kept in the data directory (created on first start, readable by the owner only), so that
 * tokens issued before a restart stay valid after it.
 */
public final class SigningKeys {
    private final String keyId;
    private final RSAPublicKey publicKey;
    private final RSAPrivateKey privateKey;

    private SigningKeys(String keyId, RSAPublicKey publicKey, RSAPrivateKey privateKey) {
        this.keyId = keyId;
        this.publicKey = publicKey;
        this.privateKey = privateKey;
    }

    /** Loads the key {@code name} from {@code dir}, creating it when absent. */
    public static SigningKeys loadOrCreate(Path dir, String name) {
        Path file = dir.resolve(name + ".pk8");
        try {
            Files.createDirectories(dir);
            if (!Files.exists(file)) {
                KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
                gen.initialize(2048);
                KeyPair pair = gen.generateKeyPair();
                Path tmp = Files.createTempFile(dir, name, ".tmp");
                restrict(tmp);
                Files.writeString(
                        tmp,
                        Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()));
                Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            }
            byte[] der = Base64.getDecoder().decode(Files.readString(file).trim());
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            var privateKey = (RSAPrivateKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(der));
            var crt = (java.security.interfaces.RSAPrivateCrtKey) privateKey;
            var publicKey =
                    (RSAPublicKey) rsa.generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
            String kid = Jwks.thumbprint(publicKey);
            return new SigningKeys(kid, publicKey, privateKey);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create signing key " + file, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("signing key " + file + " is unusable", e);
        }
    }

    private static void restrict(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the directory's own protection applies
        }
    }

    public String keyId() {
        return keyId;
    }

    public RSAPublicKey publicKey() {
        return publicKey;
    }

    public RSAPrivateKey privateKey() {
        return privateKey;
    }

    /** The public key as a JWK set (RFC 7517), for {@code /.well-known/jwks.json}. */
    public Map<String, Object> publicJwks() {
        return Jwks.set(Map.of(keyId, publicKey));
    }
}
