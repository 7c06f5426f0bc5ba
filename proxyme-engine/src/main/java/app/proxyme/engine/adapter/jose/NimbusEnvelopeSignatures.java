package app.proxyme.engine.adapter.jose;

import app.proxyme.domain.aci.Agent;
import app.proxyme.domain.port.out.EnvelopeSignatures;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.text.ParseException;
import java.util.HexFormat;
import java.util.function.Function;

/**
 * Envelope signatures as JWS with a detached payload (RFC 7515 Appendix F) with Nimbus JOSE+JWT: {@code ES256} over
 * P-256, or {@code EdDSA} over Ed25519 (verified by the JDK's Ed25519, which Nimbus's own verifier would need Tink
 * for). The header's {@code kid} must be the signing agent's id; {@code b64:false} and other critical parameters are
 * refused. Built-in agents sign with their P-256 key, which {@code builtInKeys} hands out.
 */
public final class NimbusEnvelopeSignatures implements EnvelopeSignatures {
    /** SubjectPublicKeyInfo prefix of an Ed25519 key (RFC 8410): the raw 32 bytes follow. */
    private static final byte[] ED25519_SPKI = HexFormat.of().parseHex("302a300506032b6570032100");

    private final Function<String, ECKey> builtInKeys;

    /** @param builtInKeys the private key of a built-in agent ({@code proxyme}, ...), or null for none */
    public NimbusEnvelopeSignatures(Function<String, ECKey> builtInKeys) {
        this.builtInKeys = builtInKeys;
    }

    @Override
    public boolean verify(String jws, byte[] payload, Agent signer) {
        try {
            JWSObject object = JWSObject.parse(jws, new Payload(payload));
            JWSHeader header = object.getHeader();
            if (!signer.id().equals(header.getKeyID())
                    || !header.isBase64URLEncodePayload()
                    || (header.getCriticalParams() != null
                            && !header.getCriticalParams().isEmpty())) {
                return false;
            }
            JWK key = JWK.parse(signer.jwk());
            if (JWSAlgorithm.ES256.equals(header.getAlgorithm())
                    && key instanceof ECKey ec
                    && Curve.P_256.equals(ec.getCurve())) {
                return object.verify(new ECDSAVerifier(ec.toPublicJWK()));
            }
            if (JWSAlgorithm.EdDSA.equals(header.getAlgorithm())
                    && key instanceof OctetKeyPair okp
                    && Curve.Ed25519.equals(okp.getCurve())) {
                return ed25519(okp, object);
            }
            return false;
        } catch (ParseException | JOSEException | GeneralSecurityException | IllegalStateException e) {
            return false;
        }
    }

    private static boolean ed25519(OctetKeyPair okp, JWSObject object) throws GeneralSecurityException {
        byte[] raw = okp.getDecodedX();
        if (raw.length != 32) {
            return false;
        }
        byte[] spki = new byte[ED25519_SPKI.length + raw.length];
        System.arraycopy(ED25519_SPKI, 0, spki, 0, ED25519_SPKI.length);
        System.arraycopy(raw, 0, spki, ED25519_SPKI.length, raw.length);
        var verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki)));
        verifier.update(object.getSigningInput());
        return verifier.verify(object.getSignature().decode());
    }

    @Override
    public String sign(String agent, byte[] payload) {
        ECKey key = builtInKey(agent);
        try {
            var object = new JWSObject(
                    new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(agent).build(), new Payload(payload));
            object.sign(new ECDSASigner(key));
            return object.serialize(true);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign as " + agent, e);
        }
    }

    @Override
    public String publicJwk(String agent) {
        return builtInKey(agent).toPublicJWK().toJSONString();
    }

    @Override
    public void requirePublicKey(String jwk) {
        JWK key;
        try {
            key = JWK.parse(jwk);
        } catch (ParseException | RuntimeException e) {
            throw new IllegalArgumentException("jwk is not a valid JWK: " + e.getMessage());
        }
        boolean supported = (key instanceof ECKey ec && Curve.P_256.equals(ec.getCurve()))
                || (key instanceof OctetKeyPair okp
                        && Curve.Ed25519.equals(okp.getCurve())
                        && okp.getDecodedX().length == 32);
        if (!supported) {
            throw new IllegalArgumentException("jwk must be a public EC P-256 or OKP Ed25519 key");
        }
        if (key.isPrivate()) {
            throw new IllegalArgumentException("jwk holds a private key: paste the public key only");
        }
    }

    private ECKey builtInKey(String agent) {
        ECKey key = builtInKeys == null ? null : builtInKeys.apply(agent);
        if (key == null || !key.isPrivate()) {
            throw new IllegalArgumentException("no built-in key for " + agent);
        }
        return key;
    }
}
