/**
 * The WebSocket /chat protocol as the page speaks it: the shapes of the frames (one place for
 * them), and reading a frame from the server into one of those shapes. Whatever arrives, the
 * rest of the page only ever sees the normalised shapes below.
 *
 * A connection is one conversation. The client sends one question at a time; the server answers
 * it with zero or more delta frames, then exactly one answer frame or one error frame.
 */

/**
 * What the client sends: a JSON text frame. (The server also takes the question as plain text.)
 * @typedef {object} QuestionFrame
 * @property {string} question the question, at most `maxQuestionLength` characters (GET /api/limits)
 */

/**
 * A part of the answer as it forms, sentence by sentence. The deltas of one answer concatenate
 * to its text (each brings its own leading space) and may carry [n] markers; the answer frame
 * that follows replaces them whole, so a client may ignore deltas.
 * @typedef {object} DeltaFrame
 * @property {'delta'} type
 * @property {string} text
 */

/**
 * A snippet of the fact base that an answer quotes.
 * @typedef {object} Citation
 * @property {string} id          the snippet's id, e.g. "chips-and-hardware#huawei-s-ai-chip-effort"
 * @property {string} title       the snippet's heading
 * @property {string|null} source the title of the document the fact comes from
 * @property {string|null} url    the original, when the fact file gives one (any scheme: check before linking)
 * @property {string|null} published the source's date, ISO "yyyy-mm-dd"
 * @property {string} snippet     the snippet's full text
 * @property {number|null} score  how well the snippet matched the question
 */

/**
 * How an answer came about. Sent by servers that have it; older ones send only `grounded`.
 * @typedef {'answered'|'refused'|'small_talk'|'nothing_more'|'error'} Outcome
 */

/**
 * The whole answer to the question, the last frame for it.
 * @typedef {object} AnswerFrame
 * @property {'answer'} type
 * @property {string} answer        the text; each [n] marker is a 1-based index into `citations`
 * @property {boolean} grounded     true exactly when the answer is quoted from cited snippets
 * @property {Outcome} outcome      from the frame's `outcome`, or from `grounded` when it has none
 * @property {Citation[]} citations the snippets quoted, in marker order; empty when not answered
 * @property {string} conversationId the conversation the answer belongs to
 * @property {string|null} resolvedQuestion for a follow-up, how the bot read it: "who made it? (Yi-34B)"
 */

/**
 * The question could not be answered: a bad frame (invalid JSON, empty, too long, binary), a
 * limit, or a failure. The connection stays open.
 * @typedef {object} ErrorFrame
 * @property {'error'} type
 * @property {string} message          for people, in English
 * @property {'rate_limited'|'busy'|null} code set when asking again later will work
 * @property {number|null} retryAfter  with a code: seconds to wait before asking again
 */

/** @typedef {DeltaFrame|AnswerFrame|ErrorFrame} ServerFrame */

/** @type {ReadonlySet<Outcome>} */
const OUTCOMES = new Set(['answered', 'refused', 'small_talk', 'nothing_more', 'error']);
const RETRY_CODES = new Set(['rate_limited', 'busy']);
const GENERIC_ERROR = 'Something went wrong.';

/**
 * @param {string} question
 * @returns {string} the text frame to send
 */
export function questionFrame(question) {
  return JSON.stringify({ question });
}

/**
 * Reads a text frame from the server.
 * @param {unknown} data the frame's data
 * @returns {ServerFrame|null} null for anything that is not one of the frames above
 */
export function parseFrame(data) {
  let frame;
  try {
    frame = JSON.parse(String(data));
  } catch (e) {
    return null;
  }
  if (!frame || typeof frame !== 'object') return null;
  switch (frame.type) {
    case 'delta':
      return { type: 'delta', text: text(frame.text) };
    case 'answer':
      return answerFrame(frame);
    case 'error':
      return errorFrame(frame);
    default:
      return null;
  }
}

function answerFrame(frame) {
  const grounded = frame.grounded === true;
  return {
    type: 'answer',
    answer: text(frame.answer),
    grounded,
    outcome: OUTCOMES.has(frame.outcome) ? frame.outcome : (grounded ? 'answered' : 'refused'),
    citations: Array.isArray(frame.citations) ? frame.citations.filter(isObject).map(citation) : [],
    conversationId: text(frame.conversationId),
    resolvedQuestion: optionalText(frame.resolvedQuestion),
  };
}

function errorFrame(frame) {
  const code = RETRY_CODES.has(frame.code) ? frame.code : null;
  const retryAfter = code && Number.isFinite(frame.retryAfter) && frame.retryAfter >= 0 ? frame.retryAfter : null;
  return { type: 'error', message: optionalText(frame.message) ?? GENERIC_ERROR, code, retryAfter };
}

function citation(c) {
  return {
    id: text(c.id),
    title: text(c.title),
    source: optionalText(c.source),
    url: optionalText(c.url),
    published: optionalText(c.published),
    snippet: text(c.snippet),
    score: Number.isFinite(c.score) ? c.score : null,
  };
}

function isObject(value) {
  return value !== null && typeof value === 'object';
}

function text(value) {
  return typeof value === 'string' ? value : '';
}

function optionalText(value) {
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}
