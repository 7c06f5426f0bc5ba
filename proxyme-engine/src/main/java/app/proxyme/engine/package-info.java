/** Proxy Me's application services and the adapters of every port. */
package app.proxyme.engine;
