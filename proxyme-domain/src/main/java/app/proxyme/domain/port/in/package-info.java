/** Incoming ports: the use cases, named by capability. The web runtime, the console and the ACI endpoints call only these. */
package app.proxyme.domain.port.in;
