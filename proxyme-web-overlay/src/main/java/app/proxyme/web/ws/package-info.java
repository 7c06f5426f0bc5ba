/** The overlay's WebSocket: {@code /ws/meetings/{meetingId}} (PROTOCOL.md). */
package app.proxyme.web.ws;
