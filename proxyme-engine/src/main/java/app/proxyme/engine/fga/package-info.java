/** Relationship tuples of the FGA model, as the engine stores and derives them from policy documents. */
package app.proxyme.engine.fga;
