/** The three-layer decision for one chunk: classification in, outcome, deciding layer and trace out. */
package app.proxyme.domain.decision;
