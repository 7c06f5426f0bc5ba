package app.proxyme.web.boot;

import app.proxyme.engine.adapter.jpa.Database;
import app.proxyme.engine.adapter.jpa.MessageRelay;
import app.proxyme.web.app.MeetingHub;
import app.proxyme.web.app.Relay;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;

/**
 * Connects the hub to the other instances on the same PostgreSQL database: approvals requested, decided or expired
 * here reach the user's connections there, and theirs reach the connections here. With the embedded database the
 * instance is alone and relays nothing.
 */
@ApplicationScoped
class Relaying {
    void start(@Observes @Initialized(ApplicationScoped.class) Object event, Database db, MeetingHub hub) {
        db.messageRelay().ifPresent(relay -> {
            relay.deliverTo(m -> hub.relayed(new Relay.Message(m.org(), m.user(), m.meetingId(), m.body())));
            hub.relayThrough(m -> relay.publish(new MessageRelay.Relayed(m.org(), m.user(), m.meetingId(), m.json())));
        });
    }
}
