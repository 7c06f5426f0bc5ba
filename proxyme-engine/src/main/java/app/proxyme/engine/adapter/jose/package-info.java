/** Embedded signing: the in-process identity and token vault, RS256 JWTs with keys in the data directory. */
package app.proxyme.engine.adapter.jose;
