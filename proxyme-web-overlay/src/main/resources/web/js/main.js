// The overlay: signs in, joins the meeting, and routes server messages to the cards, ticker and switches.
import { Cards } from './cards.js';
import { Consents } from './consents.js';
import { Connection } from './connection.js';
import { el } from './dom.js';
import { Pairing } from './pairing.js';
import { currentSession, forgetSession, returnedSession, showSignIn } from './signin.js';
import { Microphone, Voice } from './speech.js';
import { Ticker } from './ticker.js';
import { Toggles } from './toggles.js';
import { MeetingContext } from './context.js';

const $ = (id) => document.getElementById(id);

function notice(text, kind = '') {
  const n = el('p', { class: `notice ${kind}` }, text);
  $('notices').append(n);
  setTimeout(() => n.remove(), kind === 'error' ? 8000 : 3000);
}

const CONN_LABEL = { connecting: 'connecting…', open: 'connected', reconnecting: 'reconnecting…', closed: 'disconnected' };

function join(session) {
  $('signin').hidden = true;
  $('meeting-view').hidden = false;
  $('who').hidden = false;
  $('who').replaceChildren(el('b', {}, session.name || session.user), ` · ${session.role} · ${session.org} · meeting `,
    el('b', { id: 'meeting-id' }, session.meetingId));
  $('signout').hidden = false;

  const voice = new Voice($('speak'));
  const ticker = new Ticker($('ticker'));
  let connection;
  const cards = new Cards($('cards'), {
    meetingId: session.meetingId,
    onDecide: (approvalId, approve) => connection.send({ type: approve ? 'approve' : 'deny', approvalId }),
    onDraft: (seq) => connection.send({ type: 'draft', seq }),
    onCopy: (text) => copy(text),
    onAuto: (text) => voice.speak(text),
    onChange: () => { $('cards-empty').hidden = cards.count() > 0; },
  });
  $('cards-empty').hidden = cards.count() > 0;
  const consents = new Consents($('consents'), (m) => connection.send(m));
  const toggles = new Toggles($('toggles'), (m) => connection.send(m));
  const meetingContext = new MeetingContext($('context-box'), $('meeting-context'), (m) => connection.send(m));

  connection = new Connection({
    meetingId: session.meetingId,
    token: session.token,
    onState: (state, detail) => {
      const conn = $('conn');
      conn.hidden = false;
      conn.className = `conn ${state}`;
      conn.dataset.state = state;
      conn.textContent = state === 'reconnecting' && detail ? detail : CONN_LABEL[state];
    },
    onResent: (from, to) => {
      cards.moved(from, to);
    },
    onRejected: (reason) => {
      notice(`The server closed the connection: ${reason}. Sign in again.`, 'error');
      forgetSession();
      setTimeout(() => location.reload(), 2500);
    },
    onMessage: (m) => {
      switch (m.type) {
        case 'state': cards.state(m); toggles.show(m.toggles); meetingContext.show(m.context); (m.suggestions || []).forEach((s) => connection.seenSeq(s.seq)); break;
        case 'toggles': toggles.show(m.toggles); break;
        case 'context': meetingContext.show(m); break;
        case 'flow': ticker.flow(m); break;
        case 'decision': cards.decision(m); break;
        case 'suggestion': cards.suggestion(m); break;
        case 'approval': cards.approval(m); break;
        case 'consent': consents.consent(m); break;
        case 'error':
          if (m.seq != null) cards.failed(m);
          notice(`${m.code}: ${m.message}`, 'error');
          break;
        default: break; // ack, pong
      }
    },
  });
  connection.seenSeq(cards.maxSeq());
  connection.start();
  window.addEventListener('online', () => connection.reconnectNow());

  const said = (speaker, text) => {
    const seq = connection.chunk(speaker, text);
    cards.said(seq, speaker, text);
    ticker.said(seq, text);
  };
  const speaker = () => $('speaker').value.trim() || 'Customer';
  $('say').onsubmit = (e) => {
    e.preventDefault();
    const text = $('text').value.trim();
    if (!text) return;
    said(speaker(), text);
    $('text').value = '';
  };
  new Microphone({ button: $('mic'), note: $('speech-note'), interim: $('interim'), onFinal: (t) => said(speaker(), t) });

  new Pairing({ button: $('pair'), box: $('pairing'), token: session.token, onError: (t) => notice(t, 'error') });

  $('signout').onclick = () => {
    connection.stop();
    forgetSession();
    location.reload();
  };
  $('text').focus();
  // Test and debugging hook: no secrets here.
  window.__proxyme = { dropConnection: () => connection.drop(), seq: () => connection.seq, send: (m) => connection.send(m) };
}

async function copy(text) {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    const area = el('textarea', { class: 'sr-only' }, text);
    document.body.append(area);
    area.select();
    document.execCommand('copy');
    area.remove();
  }
  notice('Copied.');
}

async function start() {
  let session;
  try {
    session = (await returnedSession()) || currentSession();
  } catch (e) {
    $('signin-error').textContent = `Sign-in failed: ${e.message}`;
  }
  if (session?.token) join(session);
  else showSignIn($('signin'), join);
}
start();
