/** The audit event's wire form (PROTOCOL.md): JSON shaping and the hash chain, shared by export and verifier. */
package app.proxyme.engine.audit;
