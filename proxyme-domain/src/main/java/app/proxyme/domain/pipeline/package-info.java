/** The use cases of a meeting: evaluate a chunk end to end, and decide or expire held suggestions. */
package app.proxyme.domain.pipeline;
