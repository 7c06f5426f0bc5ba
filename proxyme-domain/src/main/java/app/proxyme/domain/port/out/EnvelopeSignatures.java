package app.proxyme.domain.port.out;

import app.proxyme.domain.aci.Agent;

/**
 * JWS with a detached payload (RFC 7515 Appendix F) over an envelope's canonical form: {@code ES256} or
 * {@code EdDSA} (Ed25519), {@code kid} the agent's id.
 */
public interface EnvelopeSignatures {
    /** Whether {@code jws} signs {@code payload} with {@code signer}'s registered key and names it as {@code kid}. */
    boolean verify(String jws, byte[] payload, Agent signer);

    /**
     * Signs {@code payload} as a built-in agent whose private key the server holds.
     *
     * @throws IllegalArgumentException when the server holds no key for {@code agent}
     */
    String sign(String agent, byte[] payload);

    /** The public JWK (JSON) of a built-in agent's key, for its registration. */
    String publicJwk(String agent);

    /**
     * Checks a pasted key before an agent is registered with it.
     *
     * @throws IllegalArgumentException with the reason when {@code jwk} is not a public EC P-256 or Ed25519 JWK
     */
    void requirePublicKey(String jwk);
}
