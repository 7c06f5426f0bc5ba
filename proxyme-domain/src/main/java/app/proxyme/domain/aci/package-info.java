/** ACI hand-offs (ACI.md): envelopes, agents, token references, the gateway's checks, consent and PII redaction. */
package app.proxyme.domain.aci;
