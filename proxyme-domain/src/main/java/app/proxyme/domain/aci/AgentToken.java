package app.proxyme.domain.aci;

/** An agent's access token and how many seconds it lives ({@code POST /api/aci/token}). */
public record AgentToken(String accessToken, long expiresInSeconds) {
    @Override
    public String toString() {
        return "AgentToken[expiresInSeconds=" + expiresInSeconds + "]";
    }
}
