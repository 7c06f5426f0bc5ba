/** The Helidon MP runtime of Proxy Me: start-up, configuration, REST, WebSocket and the overlay's static page. */
package app.proxyme.web;
