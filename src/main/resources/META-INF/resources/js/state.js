/**
 * The chat's state, in one place: the connection, the limits, the conversation so far and the
 * question waiting for its answer. Views never keep their own copy: they change it through the
 * methods here and redraw on its events.
 *
 * Events (each a CustomEvent whose detail is given):
 * - "connection": the connection status changed; detail the status
 * - "limits": the server's limits arrived; detail the limits
 * - "question": a question went out and is pending; detail its turn
 * - "delta": more of the pending answer streamed in; detail its turn
 * - "reply": the pending question got its reply; detail its turn
 */

/** @typedef {import('./frames.js').AnswerFrame} AnswerFrame */
/** @typedef {import('./frames.js').ErrorFrame} ErrorFrame */

/**
 * @typedef {object} Limits
 * @property {number} maxQuestionLength longest question the server takes, in characters
 * @property {number} maxCommentLength  longest feedback comment the server takes, in characters
 */

/**
 * Until the server says otherwise (GET /api/limits), or when it cannot be asked: the server's
 * defaults. A page that guesses too high only gets a clear error back, never a wrong answer.
 * @type {Readonly<Limits>}
 */
export const DEFAULT_LIMITS = Object.freeze({ maxQuestionLength: 1000, maxCommentLength: 1000 });

/**
 * Where the connection stands: "connecting" the first time; "connected", or "reconnected" after a
 * drop; "lost" after a drop, or "unreachable" when no connection was ever made (retrying either way).
 * @typedef {'connecting'|'connected'|'reconnected'|'lost'|'unreachable'} ConnectionStatus
 */

/**
 * What ended a turn: the answer, an error frame, or the connection dropping before either came.
 * @typedef {{kind: 'answer', frame: AnswerFrame}
 *         | {kind: 'error', frame: ErrorFrame}
 *         | {kind: 'lost'}} Reply
 */

/**
 * One question and what came back for it.
 * @typedef {object} Turn
 * @property {string} question
 * @property {string} streamed the deltas so far, while the answer forms
 * @property {Reply|null} reply null while pending
 */

export class ChatState extends EventTarget {
  constructor() {
    super();
    /** @type {ConnectionStatus} */
    this.connection = 'connecting';
    /** @type {Limits} */
    this.limits = DEFAULT_LIMITS;
    /** @type {Turn[]} */
    this.conversation = [];
    /** The turn waiting for its reply: one question at a time, so frames never mismatch. @type {Turn|null} */
    this.pending = null;
  }

  get isConnected() {
    return this.connection === 'connected' || this.connection === 'reconnected';
  }

  /** True when a question can go out now. */
  get canAsk() {
    return this.isConnected && this.pending === null;
  }

  connectionOpened() {
    this.#setConnection(this.#neverConnected ? 'connected' : 'reconnected');
  }

  /** The connection dropped or could not be made (a retry is on its way); the pending question is lost. */
  connectionDown() {
    this.replied({ kind: 'lost' });
    this.#setConnection(this.#neverConnected ? 'unreachable' : 'lost');
  }

  /** @param {Limits} limits */
  setLimits(limits) {
    this.limits = Object.freeze({ ...limits });
    this.#emit('limits', this.limits);
  }

  /**
   * @param {string} question
   * @returns {Turn} the new pending turn
   */
  asked(question) {
    const turn = { question, streamed: '', reply: null };
    this.conversation.push(turn);
    this.pending = turn;
    this.#emit('question', turn);
    return turn;
  }

  /**
   * More of the pending answer. Deltas nobody waits for are dropped.
   * @param {string} text
   */
  streamed(text) {
    if (!this.pending || !text) return;
    this.pending.streamed += text;
    this.#emit('delta', this.pending);
  }

  /**
   * The reply to the pending question; a reply nobody waited for still gets a turn of its own
   * (with an empty question), so it is shown rather than lost.
   * @param {Reply} reply
   */
  replied(reply) {
    if (reply.kind === 'lost' && !this.pending) return;
    const turn = this.pending ?? { question: '', streamed: '', reply: null };
    if (!this.pending) this.conversation.push(turn);
    this.pending = null;
    turn.reply = reply;
    this.#emit('reply', turn);
  }

  get #neverConnected() {
    return this.connection === 'connecting' || this.connection === 'unreachable';
  }

  #setConnection(status) {
    this.connection = status;
    this.#emit('connection', status);
  }

  #emit(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { detail }));
  }
}
