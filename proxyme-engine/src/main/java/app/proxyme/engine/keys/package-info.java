/**
 * Proxy Me's own keys: rings of key generations shared by all instances (with rotation), and public key sets as
 * JWKs with RFC 7638 thumbprint key ids, through Nimbus JOSE+JWT.
 */
package app.proxyme.engine.keys;
