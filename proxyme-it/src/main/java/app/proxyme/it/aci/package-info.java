/**
 * ACI from the outside: external agents that reach Proxy Me's gateway over HTTP only ({@link
 * app.proxyme.it.aci.RemoteAgent}), and the seed's runnable cross-domain example ({@link
 * app.proxyme.it.aci.SeedExample}, {@code examples/aci-seed.sh}).
 */
package app.proxyme.it.aci;
