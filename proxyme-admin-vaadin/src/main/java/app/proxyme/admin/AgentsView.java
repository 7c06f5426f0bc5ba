package app.proxyme.admin;

import app.proxyme.domain.access.Capability;
import app.proxyme.domain.aci.Agent;
import app.proxyme.domain.handoff.AgentDirectory;
import app.proxyme.domain.policy.Member;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The organisation's agent registry (admins): each agent's id, name, domain, ceiling and whether it is enabled;
 * register one with a pasted public JWK (its client secret shown once, here, and never again); disable one after a
 * confirmation (its live hops and token references end). {@link AgentDirectory} validates and refuses with the reason.
 */
@Route(value = "agents", layout = ConsoleLayout.class)
@PageTitle("Agents")
@Allowed(Capability.MANAGE_AGENTS)
public class AgentsView extends VerticalLayout {
    private final AgentDirectory directory = ConsolePorts.current().agents();
    private final Grid<Agent> grid = new Grid<>();
    private final TextField id = new TextField("Id");
    private final TextField name = new TextField("Name");
    private final TextField domain = new TextField("Domain");
    private final TextField ceiling = new TextField("Ceiling (permissions, comma-separated)");
    private final TextArea jwk = new TextArea("Public key (JWK: EC P-256 or Ed25519)");
    private final Paragraph credentials = new Paragraph();

    public AgentsView() {
        setId("agents");
        setSizeFull();
        grid.setId("agent-list");
        grid.setAllRowsVisible(true);
        grid.addColumn(Agent::id).setHeader("Id").setAutoWidth(true);
        grid.addColumn(Agent::name).setHeader("Name").setAutoWidth(true);
        grid.addColumn(Agent::domain).setHeader("Domain").setAutoWidth(true);
        grid.addColumn(a -> String.join(", ", a.ceiling())).setHeader("Ceiling").setAutoWidth(true);
        grid.addColumn(a -> a.enabled() ? "enabled" : "disabled")
                .setHeader("State")
                .setAutoWidth(true);
        grid.addComponentColumn(this::disableButton).setHeader("");
        id.setId("agent-id");
        name.setId("agent-name");
        domain.setId("agent-domain");
        ceiling.setId("agent-ceiling");
        ceiling.setWidth("24em");
        jwk.setId("agent-jwk");
        jwk.setWidth("40em");
        jwk.setPlaceholder("{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\"…\",\"y\":\"…\"}");
        credentials.setId("agent-credentials");
        var register = new Button("Register agent", e -> register());
        register.setId("register-agent");
        register.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var form = new HorizontalLayout(id, name, domain, ceiling);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        var key = new HorizontalLayout(jwk, register);
        key.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(new H2("Agents"), grid, new H3("Register an agent"), form, key, credentials);
        reload();
    }

    /** The permissions typed into the ceiling field, in order, without blanks. */
    static Set<String> permissions(String typed) {
        var out = new LinkedHashSet<String>();
        Arrays.stream(typed.split("[,\\s]+")).filter(p -> !p.isBlank()).forEach(out::add);
        return out;
    }

    private void reload() {
        grid.setItems(directory.list(ConsoleSession.require()));
    }

    private void register() {
        Member admin = ConsoleSession.require();
        credentials.setText("");
        Feedback.attempt(() -> directory.register(
                        admin,
                        new Agent(
                                admin.org(),
                                id.getValue().trim(),
                                name.getValue().trim(),
                                domain.getValue().trim(),
                                permissions(ceiling.getValue()),
                                jwk.getValue().trim(),
                                null,
                                true)))
                .ifPresent(r -> {
                    credentials.setText("Registered " + r.id() + ". Client id: " + r.clientId() + " · client secret: "
                            + r.clientSecret() + " (shown this once: copy it now)");
                    Feedback.success("Registered " + r.id());
                    id.clear();
                    name.clear();
                    domain.clear();
                    ceiling.clear();
                    jwk.clear();
                });
        reload();
    }

    private Button disableButton(Agent agent) {
        var disable = new Button("Disable", e -> confirmDisable(agent));
        disable.setId("disable-" + agent.id());
        disable.setEnabled(agent.enabled());
        disable.addThemeVariants(ButtonVariant.LUMO_ERROR);
        return disable;
    }

    private void confirmDisable(Agent agent) {
        var dialog = new ConfirmDialog();
        dialog.setHeader("Disable " + agent.id() + "?");
        dialog.setText("Its live hops and token references end at once, and it cannot be enabled again.");
        dialog.setCancelable(true);
        var confirm = new Button("Disable", e -> {
            dialog.close();
            Feedback.attempt(() -> {
                        directory.disable(ConsoleSession.require(), agent.id());
                        return agent;
                    })
                    .ifPresent(a -> Feedback.success("Disabled " + a.id()));
            reload();
        });
        confirm.setId("confirm-disable");
        confirm.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        dialog.setConfirmButton(confirm);
        dialog.open();
    }
}
