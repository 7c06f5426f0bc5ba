/** The engine inside the runtime: configuration, assembly, lifecycle, and the hub of connected overlays. */
package app.proxyme.web.app;
