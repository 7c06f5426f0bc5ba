/** The load harness: many live meetings over real WebSockets against a running server (see BENCHMARKS.md). */
package app.proxyme.it.load;
