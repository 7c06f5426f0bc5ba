package app.proxyme.domain.aci;

/** The answer to a consent decision, once the hop's remaining checks ran. */
public record ConsentResult(String consentId, ConsentStatus status, String handoffId, HandoffStatus handoffStatus) {}
