/**
 * The conversation on screen, drawn from the chat state's events: the person's questions, a
 * "thinking" indicator, the answer as it streams, then the final answer with its citation markers,
 * source chips and tools; errors, and questions cut off by a dropped connection. Also the
 * connection status line.
 */

import { answerTools } from './feedback.js';
import { button, el, icon, visuallyHidden } from './dom.js';

/** What the status line says, and its data-state (which app.css colours), per connection status. */
const STATUS = {
  connecting: { state: 'connecting', text: 'Connecting…' },
  connected: { state: 'open', text: 'Connected' },
  reconnected: { state: 'open', text: 'Reconnected' },
  lost: { state: 'reconnecting', text: 'Connection lost, reconnecting…' },
  unreachable: { state: 'reconnecting', text: 'Cannot reach the bot, retrying…' },
};

const NOT_FROM_FACTS = { className: 'ungrounded', icon: 'info', label: 'Not from the fact base' };
/**
 * How an answer looks, by its outcome: the message's class, the label's icon and text (an
 * answer's label counts its sources). Refusals, small talk and "nothing more" look alike.
 */
const LOOKS = {
  answered: { className: 'grounded', icon: 'check', label: null },
  refused: NOT_FROM_FACTS,
  small_talk: NOT_FROM_FACTS,
  nothing_more: NOT_FROM_FACTS,
  error: { className: 'error', icon: 'warn', label: 'Could not answer' },
};

const LOST_TEXT = 'The connection dropped before the answer arrived.';
/** Within this many pixels of the end, the conversation counts as read to the end. */
const END_SLACK_PX = 8;

/**
 * @typedef {object} ConversationOptions
 * @property {string|URL} baseUrl the server, for feedback
 * @property {(question: string) => boolean} ask sends a question; false when it cannot go now
 * @property {(question: string) => void} prefill puts a question in the box, ready to send
 * @property {import('./sources.js').SourcesPanel} sources
 */

export class ConversationView {
  /**
   * @param {import('./parts.js').Parts} parts
   * @param {import('./state.js').ChatState} state
   * @param {ConversationOptions} options
   * @param {AbortSignal} signal
   */
  constructor(parts, state, options, signal) {
    this.parts = parts;
    this.state = state;
    this.options = options;
    /** The message on screen for each turn. @type {WeakMap<object, {item: HTMLElement, bubble: HTMLElement}>} */
    this.messages = new WeakMap();
    /*
     * The conversation follows new messages while the person is at its end ("pinned"), also when
     * the layout changes under it (the sources panel opening, a phone keyboard); once they scroll
     * up to read, new text no longer pulls them down. Asking a question pins it again.
     */
    this.pinned = true;
    parts.chat.addEventListener('scroll', () => {
      this.pinned = this.atEnd();
    }, { passive: true, signal });
    if ('ResizeObserver' in window) {
      const follow = new ResizeObserver(() => this.follow());
      follow.observe(parts.chat);
      follow.observe(parts.messages);
      signal.addEventListener('abort', () => follow.disconnect());
    }

    const on = (type, draw) => state.addEventListener(type, (event) => draw(event.detail), { signal });
    on('connection', (status) => this.showStatus(status));
    on('question', (turn) => this.showQuestion(turn));
    on('delta', (turn) => this.showDelta(turn));
    on('reply', (turn) => this.showReply(turn));
  }

  /** Scrolls to the latest message, unless the person scrolled up to read. */
  follow() {
    if (this.pinned) this.parts.chat.scrollTop = this.parts.chat.scrollHeight;
  }

  atEnd() {
    const chat = this.parts.chat;
    return chat.scrollHeight - chat.scrollTop - chat.clientHeight < END_SLACK_PX;
  }

  /** @param {import('./state.js').ConnectionStatus} status */
  showStatus(status) {
    const shown = STATUS[status];
    this.parts.status.dataset.state = shown.state;
    this.parts.statusText.textContent = shown.text;
  }

  showQuestion(turn) {
    this.parts.welcome.hidden = true;
    this.pinned = true;
    this.addMessage('user', 'You').bubble.textContent = turn.question;
    const message = this.addMessage('bot pending', 'Bot');
    message.item.setAttribute('aria-busy', 'true');
    const thinking = el('span', 'thinking');
    thinking.append(el('span', 'dot'), el('span', 'dot'), el('span', 'dot'), el('span', 'thinking-text', 'Thinking…'));
    message.bubble.append(thinking);
    this.messages.set(turn, message);
  }

  /** The answer as it forms; the final answer frame replaces it whole. */
  showDelta(turn) {
    const { bubble } = this.messages.get(turn);
    let text = bubble.querySelector('.streaming');
    if (!text) {
      text = el('p', 'answer-text streaming');
      bubble.replaceChildren(text);
    }
    // Markers look like the final ones already, but open nothing until the citations arrive.
    text.replaceChildren(...withMarkers(turn.streamed, (n) => el('span', 'cite', String(n))));
    this.follow();
  }

  showReply(turn) {
    const message = this.messages.get(turn) ?? this.addMessage('bot', 'Bot'); // nobody waited for it
    this.messages.set(turn, message);
    message.item.classList.remove('pending');
    message.item.removeAttribute('aria-busy');
    message.bubble.replaceChildren();
    const reply = turn.reply;
    if (reply.kind === 'answer') {
      this.showAnswer(message, turn.question, reply.frame);
    } else if (reply.kind === 'error') {
      this.showProblem(message, 'Could not answer', reply.frame.message);
      if (turn.question && reply.frame.retryAfter !== null) {
        message.bubble.append(this.askAgainButton(turn.question, reply.frame.retryAfter));
      }
    } else {
      this.showProblem(message, 'No answer', LOST_TEXT);
      message.bubble.append(this.askAgainButton(turn.question, 0));
    }
    this.follow();
  }

  /**
   * @param {{item: HTMLElement, bubble: HTMLElement}} message
   * @param {string} question
   * @param {import('./frames.js').AnswerFrame} frame
   */
  showAnswer({ item, bubble }, question, frame) {
    const look = LOOKS[frame.outcome];
    const citations = frame.citations;
    item.classList.add(look.className);
    const label = el('p', 'answer-label');
    label.append(icon(look.icon), look.label
      ?? 'From the fact base · ' + citations.length + (citations.length === 1 ? ' source' : ' sources'));
    bubble.append(label);
    // A follow-up ("who made it?") is answered as the bot read it: show that, so a wrong reading shows.
    if (frame.resolvedQuestion) bubble.append(el('p', 'resolved', 'Answering: ' + frame.resolvedQuestion));
    const text = el('p', 'answer-text');
    text.append(...withMarkers(frame.answer, (n) => (n <= citations.length ? this.citeButton(citations[n - 1], n) : null)));
    bubble.append(text);
    if (citations.length > 0) bubble.append(this.sourceList(citations));
    item.append(answerTools(
      { question, answer: frame.answer, citations },
      { baseUrl: this.options.baseUrl, maxCommentLength: this.state.limits.maxCommentLength }));
  }

  showProblem({ item, bubble }, title, text) {
    item.classList.add('error');
    const label = el('p', 'answer-label');
    label.append(icon('warn'), title);
    bubble.append(label, el('p', 'answer-text', text));
  }

  /** Asks the question again, once it may: at once, or after the server's retryAfter seconds. */
  askAgainButton(question, afterSeconds) {
    const retry = button('text-button', 'Ask again');
    if (afterSeconds > 0) {
      retry.disabled = true;
      setTimeout(() => {
        retry.disabled = false;
      }, afterSeconds * 1000);
    }
    retry.addEventListener('click', () => {
      if (this.options.ask(question)) {
        retry.disabled = true;
      } else {
        this.options.prefill(question);
      }
    });
    return retry;
  }

  citeButton(citation, n) {
    const cite = button('cite', String(n));
    cite.setAttribute('aria-label', 'Source ' + n + ': ' + (citation.title || 'untitled'));
    cite.dataset.citation = String(n);
    this.options.sources.bind(cite, citation, n);
    return cite;
  }

  sourceList(citations) {
    const list = el('ol', 'source-list');
    list.setAttribute('aria-label', 'Sources');
    citations.forEach((citation, i) => {
      const chip = button('source-chip');
      chip.append(el('span', 'chip-number', String(i + 1)), el('span', 'chip-title', citation.title || 'Untitled'));
      this.options.sources.bind(chip, citation, i + 1);
      const item = el('li');
      item.append(chip);
      list.append(item);
    });
    return list;
  }

  addMessage(kind, speaker) {
    const item = el('li', 'msg ' + kind);
    const bubble = el('div', 'bubble');
    item.append(visuallyHidden(speaker + ': '), bubble);
    this.parts.messages.append(item);
    this.follow();
    return { item, bubble };
  }
}

/**
 * Splits text at its [n] markers: strings for the text, and marker(n) for each marker (a marker
 * for which it gives null, like [0] or one past the citations, stays as text).
 * @param {string} text
 * @param {(n: number) => Node|null} marker
 * @returns {(string|Node)[]}
 */
function withMarkers(text, marker) {
  const parts = [];
  const markers = /\[(\d+)\]/g;
  let last = 0;
  for (let match = markers.exec(text); match !== null; match = markers.exec(text)) {
    const n = Number(match[1]);
    const node = n >= 1 ? marker(n) : null;
    if (!node) continue;
    parts.push(text.slice(last, match.index), node);
    last = match.index + match[0].length;
  }
  parts.push(text.slice(last));
  return parts;
}
