/** JMH benchmarks of the decision's parts: {@code ./mvnw -pl proxyme-it exec:exec@jmh} (see BENCHMARKS.md). */
package app.proxyme.it.bench;
