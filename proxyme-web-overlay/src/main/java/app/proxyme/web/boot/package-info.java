/**
 * The composition root: CDI producers that read the configuration, pick one adapter per port and mode, guard each
 * remote adapter with MicroProfile Fault Tolerance, and assemble the use cases. The only place in the runtime that
 * may name adapters and engine internals.
 */
package app.proxyme.web.boot;
