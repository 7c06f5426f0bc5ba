/** ACI envelopes as JSON (Jackson) and their RFC 8785 canonical form (org.erdtman.jcs). */
package app.proxyme.engine.adapter.json;
