package app.proxyme.domain.handoff;

import app.proxyme.domain.aci.Agent;
import app.proxyme.domain.aci.Consent;
import app.proxyme.domain.aci.ConsentRequest;

/** A consent in the words its user is asked it: the receiver's name, each permission's description. */
final class ConsentRequests {
    private ConsentRequests() {}

    static ConsentRequest of(GatewayPorts ports, Consent c) {
        return new ConsentRequest(
                c,
                ports.agents().find(c.org(), c.agent()).map(Agent::name).orElse(c.agent()),
                ports.permissions().described(c.org()));
    }
}
