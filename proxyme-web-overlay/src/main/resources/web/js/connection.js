// The meeting WebSocket: reconnects with backoff, queues what is sent while down, keeps chunk seq increasing.

const BACKOFF_MS = [500, 1000, 2000, 4000, 8000, 15000];
const PING_MS = 25000;
const BUSY_RETRY_MS = 1500;
const UNACKED_KEPT = 500;

export class Connection {
  /**
   * @param {{meetingId: string, token: string, onMessage: (m: object) => void,
   *          onState: (state: string, detail?: string) => void, onRejected: (reason: string) => void,
   *          onResent?: (from: number, to: number) => void}} opts
   */
  constructor(opts) {
    Object.assign(this, opts);
    this.queue = [];
    this.attempt = 0;
    this.stopped = false;
    this.ws = null;
    this.seqKey = `proxyme.seq.${opts.meetingId}`;
    this.seq = Number(sessionStorage.getItem(this.seqKey)) || 0;
    this.unacked = new Map(); // seq -> chunk, until its ack (a 'busy' chunk is sent again)
    this.lastAcked = 0;
  }

  start() {
    this.stopped = false;
    this.open();
  }

  stop() {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    clearInterval(this.pingTimer);
    if (this.ws) this.ws.close(1000, 'signed out');
  }

  /** Never reuse a number already seen (e.g. suggestions restored after a reload). */
  seenSeq(seq) {
    if (Number.isFinite(seq) && seq > this.seq) this.setSeq(seq);
  }

  setSeq(seq) {
    this.seq = seq;
    sessionStorage.setItem(this.seqKey, String(seq));
  }

  /** Sends a chunk with the next seq; returns that seq. */
  chunk(speaker, text, final = true) {
    const seq = this.seq + 1;
    this.setSeq(seq);
    const message = { type: 'chunk', seq, speaker, text, final };
    this.unacked.set(seq, message);
    if (this.unacked.size > UNACKED_KEPT) this.unacked.delete(this.unacked.keys().next().value);
    this.send(message);
    return seq;
  }

  /**
   * The server did not accept the chunk (no ack: 'busy', its queue for us was full, or 'unavailable', it could not
   * be recorded): it goes again a little later, in order.
   */
  retry(seq) {
    setTimeout(() => {
      const message = this.unacked.get(seq);
      if (!message) return;
      if (seq > this.lastAcked) {
        this.send(message);
        return;
      }
      this.resendAsNew(seq);
    }, BUSY_RETRY_MS);
  }

  /**
   * A later chunk was accepted meanwhile (perhaps its ack is still on the way: the server then answers 'bad_seq'),
   * and a seq never goes back: this one goes again as a new chunk, and its card follows it.
   */
  resendAsNew(seq) {
    const message = this.unacked.get(seq);
    if (!message) return;
    this.unacked.delete(seq);
    const next = this.chunk(message.speaker, message.text, message.final);
    if (this.onResent) this.onResent(seq, next);
  }

  send(message) {
    if (this.ws && this.ws.readyState === WebSocket.OPEN) this.ws.send(JSON.stringify(message));
    else if (message.type !== 'ping') this.queue.push(message);
  }

  /** Test hook and manual "reconnect now": drops the socket as a network failure would. */
  drop() {
    if (this.ws) this.ws.close(4000, 'dropped');
  }

  /** Back online: skip the rest of the backoff wait. */
  reconnectNow() {
    if (this.stopped || (this.ws && this.ws.readyState <= WebSocket.OPEN)) return;
    clearTimeout(this.retryTimer);
    this.open();
  }

  open() {
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    const url = `${scheme}://${location.host}/ws/meetings/${encodeURIComponent(this.meetingId)}` +
      `?access_token=${encodeURIComponent(this.token)}`;
    this.onState(this.attempt === 0 ? 'connecting' : 'reconnecting', 'connecting…');
    const ws = new WebSocket(url);
    this.ws = ws;
    ws.onopen = () => {
      this.attempt = 0;
      this.onState('open');
      const pending = this.queue.splice(0);
      pending.forEach((m) => ws.send(JSON.stringify(m)));
      clearInterval(this.pingTimer);
      this.pingTimer = setInterval(() => this.send({ type: 'ping' }), PING_MS);
    };
    ws.onmessage = (e) => {
      let message;
      try { message = JSON.parse(e.data); } catch { return; }
      if (message.type === 'ack') {
        this.unacked.delete(message.seq);
        this.lastAcked = Math.max(this.lastAcked, message.seq);
      } else if (message.type === 'error' && this.unacked.has(message.seq)
          && (message.code === 'busy' || message.code === 'unavailable')) {
        // not accepted (no ack): the lane was full, or the chunk could not be recorded; it goes again later
        this.retry(message.seq);
        if (message.code === 'busy') return;
      } else if (message.type === 'error' && message.code === 'bad_seq' && this.unacked.has(message.seq)) {
        this.resendAsNew(message.seq);
        return;
      }
      this.onMessage(message);
    };
    ws.onclose = (e) => {
      clearInterval(this.pingTimer);
      if (this.ws !== ws || this.stopped) return;
      if (e.code === 1008 || e.code === 1003) {
        // A bad or expired token, a removed member (1008) or a bad meeting id (1003): retrying will not help.
        // 1013 (the overlay did not read in time) and 1001 (the server restarts) reconnect with backoff.
        this.stopped = true;
        this.onState('closed', 'rejected');
        this.onRejected(e.reason || 'the server refused the connection');
        return;
      }
      const delay = BACKOFF_MS[Math.min(this.attempt, BACKOFF_MS.length - 1)] * (0.8 + Math.random() * 0.4);
      this.attempt += 1;
      this.onState('reconnecting', `reconnecting in ${Math.ceil(delay / 1000)} s (attempt ${this.attempt})`);
      this.retryTimer = setTimeout(() => this.open(), delay);
    };
  }
}
