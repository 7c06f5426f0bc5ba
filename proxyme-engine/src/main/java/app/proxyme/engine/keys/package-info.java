/** Proxy Me's own public key sets: JWKs with RFC 7638 thumbprint key ids, through Nimbus JOSE+JWT. */
package app.proxyme.engine.keys;
