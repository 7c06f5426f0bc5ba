// "Approve on your phone": asks the server for a one-time pairing code and shows it as a QR code (the server draws
// it), with a countdown; a new code replaces it on request. A demo server that a phone cannot reach says so.
const $ = (id) => document.getElementById(id);

export class Pairing {
  constructor({ button, box, token, onError }) {
    this.box = box;
    this.token = token;
    this.onError = onError;
    this.timer = null;
    button.onclick = () => this.show(button);
  }

  async show(button) {
    button.disabled = true;
    try {
      const r = await fetch('/api/pairing', { method: 'POST', headers: { Authorization: `Bearer ${this.token}` } });
      if (!r.ok) throw new Error(`HTTP ${r.status}`);
      const p = await r.json();
      this.box.hidden = false;
      $('pair-hint').hidden = p.phoneReachable;
      $('pair-hint').textContent = p.hint || '';
      $('pair-qr').hidden = !p.phoneReachable;
      $('pair-qr').src = p.qr;
      $('pair-link').href = p.url;
      button.textContent = 'New pairing code';
      this.countdown(Date.parse(p.expiresAt));
    } catch (e) {
      this.onError(`Could not get a pairing code: ${e.message}`);
    } finally {
      button.disabled = false;
    }
  }

  countdown(until) {
    clearInterval(this.timer);
    const tick = () => {
      const s = Math.round((until - Date.now()) / 1000);
      if (s <= 0) {
        clearInterval(this.timer);
        $('pair-expiry').textContent = 'expired: ask for a new code';
        $('pair-qr').hidden = true;
        return;
      }
      $('pair-expiry').textContent = `valid for ${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
    };
    tick();
    this.timer = setInterval(tick, 1000);
  }
}
