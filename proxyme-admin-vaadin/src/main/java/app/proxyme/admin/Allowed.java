package app.proxyme.admin;

import app.proxyme.domain.access.Capability;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The capability a member needs to open a screen ({@link AccessGuard} checks it before the screen is built). */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Allowed {
    Capability value();
}
