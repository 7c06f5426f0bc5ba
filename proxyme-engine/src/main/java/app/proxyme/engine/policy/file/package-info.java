/** The policy file: YAML ⇄ policy document with line-numbered problems, the shipped demo files, and FGA tuples of a policy. */
package app.proxyme.engine.policy.file;
