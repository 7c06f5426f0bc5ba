/**
 * Connected identity: bearer tokens of an OpenID provider (Auth0, or any other) verified with Nimbus JOSE+JWT against
 * the issuer's discovery document and JWK set, and mapped to the organisation's members.
 */
package app.proxyme.engine.adapter.oidc;
