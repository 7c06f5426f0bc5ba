/** Who may do what: capabilities by role, decided in one place. */
package app.proxyme.domain.access;
