/**
 * Embedded-mode adapters that run fully offline: the local topic classifier (question detection plus a sentence
 * embedding model) and the playbook-based response generator.
 */
package app.proxyme.engine.adapter.local;
