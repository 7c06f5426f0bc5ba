// A standards WebSocket client (Node's built-in WebSocket, as a browser has it) for the tests of the socket's
// edges. Usage: node ws-probe.mjs <url> [bytes of a chunk's text to send on open] [timeout ms]
// Prints one JSON line per event, with ms since the start: open, sent, message (type, code, seq), error, close
// (code, reason), and timeout (readyState) when nothing closed the socket in time.
const [url, bytes = '0', timeoutMs = '4000'] = process.argv.slice(2);
const t0 = performance.now();
const out = (o) => console.log(JSON.stringify({ ...o, ms: Math.round(performance.now() - t0) }));
if (typeof WebSocket !== 'function') {
  out({ event: 'unsupported', node: process.version });
  process.exit(3);
}
const ws = new WebSocket(url);
ws.onopen = () => {
  out({ event: 'open' });
  if (Number(bytes) > 0) {
    ws.send(JSON.stringify({ type: 'chunk', seq: 1, speaker: 'x', text: 'a'.repeat(Number(bytes)) }));
    out({ event: 'sent' });
  }
};
ws.onmessage = (e) => {
  let m = {};
  try { m = JSON.parse(e.data); } catch { m = { type: 'not-json' }; }
  if (m.type !== 'flow') out({ event: 'message', type: m.type, code: m.code, seq: m.seq });
};
ws.onerror = () => out({ event: 'error' });
ws.onclose = (e) => {
  out({ event: 'close', code: e.code, reason: e.reason });
  process.exit(0);
};
setTimeout(() => {
  out({ event: 'timeout', readyState: ws.readyState });
  process.exit(0);
}, Number(timeoutMs));
