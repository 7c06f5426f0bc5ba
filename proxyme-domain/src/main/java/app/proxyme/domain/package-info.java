/** Proxy Me's core: what may be said in a meeting, decided without any framework. */
package app.proxyme.domain;
