package app.proxyme.domain.port.out;

import java.util.Map;

/** The agent permissions an organisation's policy file defines, with their human descriptions, in file order. */
public interface AgentPermissions {
    Map<String, String> described(String org);
}
