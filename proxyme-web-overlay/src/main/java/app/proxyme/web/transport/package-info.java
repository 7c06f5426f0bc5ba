/**
 * The WebSocket transport under Jakarta WebSocket (Tyrus on Helidon's web server): every socket's TCP connection
 * ends when its closing handshake does, an oversized frame is refused before it is buffered, and a socket can be
 * cut off when its client stops reading. Knows nothing of the product; the sockets above use {@link
 * app.proxyme.web.transport.Transport}.
 */
package app.proxyme.web.transport;
