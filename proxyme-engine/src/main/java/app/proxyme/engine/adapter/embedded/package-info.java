/** In-process adapters of the embedded mode, which runs with no account anywhere. */
package app.proxyme.engine.adapter.embedded;
