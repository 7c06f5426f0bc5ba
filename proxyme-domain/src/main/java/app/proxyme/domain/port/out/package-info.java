/** Outgoing ports: everything the core needs from outside, in the core's words. Adapters live in proxyme-engine. */
package app.proxyme.domain.port.out;
