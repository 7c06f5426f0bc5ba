/** A transcript chunk and what handling it produces: its listener, its result, a dry run. */
package app.proxyme.domain.chunk;
