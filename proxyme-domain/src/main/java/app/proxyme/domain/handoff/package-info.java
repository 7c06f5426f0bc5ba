/** The ACI gateway's use cases (ACI.md): hand-offs through the eleven checks, consent, grants and chains, the registry. */
package app.proxyme.domain.handoff;
