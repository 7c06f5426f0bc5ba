/** Use cases of the audit trail: review, export and verify it, share a meeting's record, retention behind signed checkpoints. */
package app.proxyme.engine.audit;
