/** Sending through a user's connected third-party accounts: role check, token, audit, delivery. */
package app.proxyme.engine.connect;
