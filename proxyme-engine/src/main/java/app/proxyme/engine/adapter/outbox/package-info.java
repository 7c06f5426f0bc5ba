/**
 * The embedded stand-in for every third party: tokens it issues itself, and messages that stay in the database's
 * outbox, where the user reads them ({@code GET /api/connections/messages}).
 */
package app.proxyme.engine.adapter.outbox;
