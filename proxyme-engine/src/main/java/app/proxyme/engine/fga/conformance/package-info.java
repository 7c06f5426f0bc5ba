/** Runs OpenFGA test files (the server's conformance suites, the CLI's store tests) against the embedded engine. */
package app.proxyme.engine.fga.conformance;
