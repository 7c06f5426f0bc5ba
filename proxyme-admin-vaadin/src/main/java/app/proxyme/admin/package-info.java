/**
 * The admin and compliance console (Vaadin views). The module builds with the product; its views and the Jetty
 * server on {@code PROXYME_ADMIN_PORT} arrive with the console issue.
 */
package app.proxyme.admin;
