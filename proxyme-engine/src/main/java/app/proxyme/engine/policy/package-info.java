/** Policy as a document: the YAML file an organisation keeps in git, parsed and validated. */
package app.proxyme.engine.policy;
