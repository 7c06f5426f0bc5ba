/** Embedded adapters: the in-process FGA evaluator, token vault, identity and step-up approval (no account). */
package app.proxyme.engine.adapter.embedded;
