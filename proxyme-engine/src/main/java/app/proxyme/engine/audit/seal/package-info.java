/** Signing keys of the audit trail: checkpoint seals and share-link tokens. */
package app.proxyme.engine.audit.seal;
