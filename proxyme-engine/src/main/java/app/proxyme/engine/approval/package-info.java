/** Use case: deciding and expiring held suggestions. */
package app.proxyme.engine.approval;
