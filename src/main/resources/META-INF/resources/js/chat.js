/**
 * The chat, mounted into a root: the page's document, or a shadow root holding the same markup
 * (see parts.js) on another site. Everything it touches is found inside that root, and everything
 * it asks the server goes to the base URL given, so the same modules serve the bot's own page and
 * an embedded copy of it.
 *
 *   import { mountChat } from './chat.js';
 *   const chat = mountChat(shadowRoot, { baseUrl: 'https://bot.example.org/' });
 *   // later: chat.unmount();
 *
 * (A page on another origin also needs the server to allow it, in widget.allowed-origins, and its
 * own Content-Security-Policy, if it has one, to allow the server: js/embed.js and docs/widget.md.)
 */

import { fetchLimits } from './api.js';
import { Composer } from './composer.js';
import { parseFrame, questionFrame } from './frames.js';
import { findParts } from './parts.js';
import { ConversationView } from './render.js';
import { ReconnectingSocket, socketUrl } from './socket.js';
import { SourcesPanel } from './sources.js';
import { ChatState } from './state.js';
import { showSuggestions } from './suggestions.js';

/** The WebSocket path under the base URL. */
const CHAT_PATH = 'chat';

/**
 * @typedef {object} MountedChat
 * @property {ChatState} state the chat's state, to watch from outside (its events)
 * @property {(question: string) => boolean} ask sends a question; false when it cannot go now
 * @property {() => void} unmount closes the connection and removes every listener
 */

/**
 * @param {Document|ShadowRoot|Element} root holds the chat's markup
 * @param {{baseUrl: string|URL}} options baseUrl: the server, ending in '/'
 * @returns {MountedChat}
 */
export function mountChat(root, { baseUrl }) {
  const parts = findParts(root);
  const state = new ChatState();
  const lifetime = new AbortController();
  const signal = lifetime.signal;

  const socket = new ReconnectingSocket(socketUrl(baseUrl, CHAT_PATH), {
    onOpen: () => state.connectionOpened(),
    onDown: () => state.connectionDown(),
    onMessage: (data) => {
      const frame = parseFrame(data);
      if (frame?.type === 'delta') {
        state.streamed(frame.text);
      } else if (frame) {
        state.replied({ kind: frame.type, frame });
      }
    },
  });

  /** Sends a question; false (and nothing sent) while it cannot go: see ChatState.canAsk. */
  const ask = (text) => {
    const question = text.trim();
    if (!question || question.length > state.limits.maxQuestionLength || !state.canAsk) return false;
    state.asked(question);
    socket.send(questionFrame(question));
    return true;
  };
  const composer = new Composer(parts, state, ask, signal);
  const prefill = (question) => composer.prefill(question);
  // The panel narrows the chat column when it opens: the conversation then keeps to its end.
  const sources = new SourcesPanel(parts, root, signal, () => view.follow());
  const view = new ConversationView(parts, state, { baseUrl, ask, prefill, sources }, signal);

  fetchLimits(baseUrl).then((limits) => state.setLimits(limits), () => {
    // keep the defaults: the server still enforces its own limits
  });
  showSuggestions(parts, baseUrl, (question) => ask(question) || prefill(question));
  socket.connect();

  return {
    state,
    ask,
    unmount() {
      lifetime.abort();
      socket.stop();
    },
  };
}
