/** Embedded FGA: the in-process OpenFGA-compatible evaluator over the database's tuples (RelationshipCheck). */
package app.proxyme.engine.adapter.fga;
