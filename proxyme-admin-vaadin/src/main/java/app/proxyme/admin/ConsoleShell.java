package app.proxyme.admin;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.shared.communication.PushMode;
import com.vaadin.flow.shared.ui.Transport;
import com.vaadin.flow.theme.lumo.Lumo;

/**
 * The console's page shell, in Vaadin's Lumo theme (no custom frontend: the prebuilt bundle serves it). Server push keeps the live screens current; it runs over long polling, because the
 * JVM's WebSocket implementation belongs to the overlay's Helidon server.
 */
@Push(value = PushMode.AUTOMATIC, transport = Transport.LONG_POLLING)
@StyleSheet(Lumo.STYLESHEET)
public class ConsoleShell implements AppShellConfigurator {}
