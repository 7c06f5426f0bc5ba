/** JPA persistence (EclipseLink, RESOURCE_LOCAL): the stores, the audit log and the FGA tuples on H2 or PostgreSQL. */
package app.proxyme.engine.adapter.jpa;
