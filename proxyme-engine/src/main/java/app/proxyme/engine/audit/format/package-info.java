/** The audit event's wire forms: PROTOCOL.md's JSON (with its RFC 8785 canonical form and hash) and CSV. */
package app.proxyme.engine.audit.format;
