/** Verification of a hash chain: server-side over the database and offline over an export file. */
package app.proxyme.engine.audit.verify;
