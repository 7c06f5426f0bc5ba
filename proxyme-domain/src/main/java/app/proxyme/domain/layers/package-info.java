/** The three layers of the decision (rules, FGA, toggles) and the decider that combines them. */
package app.proxyme.domain.layers;
