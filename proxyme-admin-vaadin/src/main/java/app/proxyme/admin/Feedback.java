package app.proxyme.admin;

import app.proxyme.domain.DependencyUnavailableException;
import app.proxyme.domain.DomainException;
import app.proxyme.domain.policy.InvalidPolicyException;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What the console tells its user after an action: a short confirmation, or the reason a change was refused as the
 * use case gave it. A refused change changed nothing (the use cases validate before they store).
 */
public final class Feedback {
    private Feedback() {}

    /** Runs the action; a refusal is shown with its reason and gives empty. */
    public static <T> Optional<T> attempt(Supplier<T> action) {
        try {
            return Optional.ofNullable(action.get());
        } catch (InvalidPolicyException e) {
            error("Refused: " + String.join("; ", e.problems()));
        } catch (DomainException | IllegalArgumentException e) {
            error("Refused: " + e.getMessage());
        } catch (DependencyUnavailableException e) {
            error("Not saved: " + e.getMessage() + ". Nothing changed; try again.");
        }
        return Optional.empty();
    }

    public static void success(String message) {
        show(message, NotificationVariant.LUMO_SUCCESS);
    }

    public static void error(String message) {
        show(message, NotificationVariant.LUMO_ERROR);
    }

    private static void show(String message, NotificationVariant variant) {
        var notification = new Notification(message, 6000, Notification.Position.TOP_CENTER);
        notification.addThemeVariants(variant);
        notification.addClassName("feedback");
        notification.open();
    }
}
