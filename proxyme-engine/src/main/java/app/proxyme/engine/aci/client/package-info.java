/**
 * The agent's side of ACI for agents written in Java: a signing key and envelopes signed as ACI.md asks (JWS with a
 * detached payload over the RFC 8785 form). It knows nothing of the gateway's classes, so that what it sends is what
 * any external agent could send.
 */
package app.proxyme.engine.aci.client;
