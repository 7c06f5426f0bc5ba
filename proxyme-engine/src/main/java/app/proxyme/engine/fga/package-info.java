/**
 * Fine-grained authorization shared by the FGA adapters: relationship tuples, the OpenFGA model (parsed from the
 * DSL), the tuples a policy document implies, and an in-process OpenFGA-compatible evaluator.
 */
package app.proxyme.engine.fga;
