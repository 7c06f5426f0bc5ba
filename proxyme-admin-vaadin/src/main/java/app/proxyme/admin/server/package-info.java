/**
 * The console's server: Jetty with the Vaadin servlet on {@code PROXYME_ADMIN_PORT}, started by the runtime's CDI
 * container beside Helidon, handing the views the engine's incoming ports.
 */
package app.proxyme.admin.server;
