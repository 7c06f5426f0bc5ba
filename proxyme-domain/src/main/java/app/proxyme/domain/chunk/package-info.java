/** The decision for one transcript chunk: read, classify, decide, draft, check, show or hold, each step audited. */
package app.proxyme.domain.chunk;
