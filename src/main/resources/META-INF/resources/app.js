/*
 * The chat page: talks to the WebSocket /chat, one connection per conversation.
 *
 * Safety rule for this file: everything that comes from the server or the person is put on the
 * page with textContent or as attribute values of nodes built here, never parsed as HTML. The
 * page's Content-Security-Policy forbids inline script, so all behaviour is wired up here.
 */
'use strict';

(() => {
  /** First reconnect delay; it doubles per failed attempt up to the cap, with ±20% jitter so
   *  many pages dropped by one server restart do not all come back in the same instant. */
  const BACKOFF_BASE_MS = 1000;
  const BACKOFF_MAX_MS = 30000;
  /** The server's limits (answer.max-question-length, feedback.max-comment-length). */
  const MAX_QUESTION = 1000;
  const MAX_COMMENT = 1000;
  const SUGGESTIONS = 4;

  const $ = (id) => document.getElementById(id);
  const ui = {
    status: $('status'),
    statusText: $('status-text'),
    chat: $('chat'),
    welcome: $('welcome'),
    suggestions: $('suggestions'),
    messages: $('messages'),
    composer: $('composer'),
    question: $('question'),
    send: $('send'),
    sources: $('sources'),
    sourcesTitle: $('sources-title'),
    sourcesClose: $('sources-close'),
    sourceNumber: $('source-number'),
    sourceTitle: $('source-title'),
    sourceOrigin: $('source-origin'),
    sourceDate: $('source-date'),
    sourceSnippet: $('source-snippet'),
    sourceLink: $('source-link'),
  };

  const state = {
    socket: null,
    everConnected: false,
    attempt: 0,
    reconnectTimer: null,
    /** The bot message waiting for its answer: one question at a time, so frames never mismatch. */
    pending: null,
    /** The marker or chip that opened the sources panel, to give focus back when it closes. */
    sourceTrigger: null,
  };

  // ---------------------------------------------------------------- small DOM helpers

  /** Builds an element; text always goes in as textContent. */
  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  const ICONS = {
    copy: 'M9 9h10v11H9zM5 15V4h10',
    check: 'M5 12.5l4.5 4.5L19 7.5',
    up: 'M7 11v9H4v-9zM7 11l4-7a2 2 0 0 1 3 2l-1 4h6a2 2 0 0 1 2 2.3l-1.3 6.5A2 2 0 0 1 17.7 20H7',
    down: 'M7 13V4H4v9zM7 13l4 7a2 2 0 0 0 3-2l-1-4h6a2 2 0 0 0 2-2.3l-1.3-6.5A2 2 0 0 0 17.7 4H7',
    info: 'M12 8h.01M11 12h1v5h1M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18z',
    warn: 'M12 4 2.5 20h19zM12 10v4.5M12 17.5h.01',
  };

  function icon(name) {
    const ns = 'http://www.w3.org/2000/svg';
    const svg = document.createElementNS(ns, 'svg');
    svg.setAttribute('viewBox', '0 0 24 24');
    svg.setAttribute('width', '16');
    svg.setAttribute('height', '16');
    svg.setAttribute('aria-hidden', 'true');
    svg.setAttribute('focusable', 'false');
    svg.classList.add('icon');
    const path = document.createElementNS(ns, 'path');
    path.setAttribute('d', ICONS[name]);
    svg.append(path);
    return svg;
  }

  function visuallyHidden(text) {
    return el('span', 'visually-hidden', text);
  }

  /*
   * The conversation follows new messages while the person is at its end ("pinned"), also when
   * the layout changes under it (the sources panel opening, a phone keyboard); once they scroll
   * up to read, new text no longer pulls them down. Asking a question pins it again.
   */
  let pinned = true;

  function atEnd() {
    return ui.chat.scrollHeight - ui.chat.scrollTop - ui.chat.clientHeight < 8;
  }

  function followIfPinned() {
    if (pinned) ui.chat.scrollTop = ui.chat.scrollHeight;
  }

  function scrollToEnd() {
    pinned = true;
    followIfPinned();
  }

  // ---------------------------------------------------------------- connection

  function socketUrl() {
    const url = new URL('chat', document.baseURI);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    return url.href;
  }

  function isOpen() {
    return state.socket !== null && state.socket.readyState === WebSocket.OPEN;
  }

  function setStatus(kind, text) {
    ui.status.dataset.state = kind;
    ui.statusText.textContent = text;
  }

  function connect() {
    clearTimeout(state.reconnectTimer);
    state.reconnectTimer = null;
    let socket;
    try {
      socket = new WebSocket(socketUrl());
    } catch (e) {
      scheduleReconnect();
      return;
    }
    state.socket = socket;
    socket.addEventListener('open', () => {
      state.attempt = 0;
      setStatus('open', state.everConnected ? 'Reconnected' : 'Connected');
      state.everConnected = true;
      updateComposer();
    });
    socket.addEventListener('message', (event) => onFrame(event.data));
    // 'error' is always followed by 'close', so reconnecting is handled there alone.
    socket.addEventListener('close', () => {
      if (state.socket !== socket) return; // an old socket we already replaced
      state.socket = null;
      failPending('The connection dropped before the answer arrived.');
      scheduleReconnect();
      updateComposer();
    });
  }

  function scheduleReconnect() {
    const delay = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** state.attempt) * (0.8 + Math.random() * 0.4);
    state.attempt += 1;
    setStatus('reconnecting', state.everConnected
      ? 'Connection lost, reconnecting…'
      : 'Cannot reach the bot, retrying…');
    clearTimeout(state.reconnectTimer);
    state.reconnectTimer = setTimeout(connect, delay);
  }

  /** Back online or back on the tab: no reason to sit out the rest of a long backoff. */
  function reconnectNowIfWaiting() {
    if (state.reconnectTimer !== null) connect();
  }

  // ---------------------------------------------------------------- frames from the server

  function onFrame(data) {
    let frame;
    try {
      frame = JSON.parse(data);
    } catch (e) {
      return; // not ours to show
    }
    if (!frame || typeof frame !== 'object') return;
    if (frame.type === 'delta') {
      appendDelta(typeof frame.text === 'string' ? frame.text : '');
    } else if (frame.type === 'answer') {
      showAnswer(frame);
    } else if (frame.type === 'error') {
      showError(typeof frame.message === 'string' ? frame.message : 'Something went wrong.');
    }
  }

  // ---------------------------------------------------------------- asking

  /** Sends a question; false (and nothing sent) while not connected or still waiting for an answer. */
  function ask(text) {
    const question = text.trim();
    if (!question || question.length > MAX_QUESTION || !isOpen() || state.pending) return false;
    ui.welcome.hidden = true;
    scrollToEnd();
    addUserMessage(question);
    state.pending = addPendingMessage(question);
    state.socket.send(JSON.stringify({ question }));
    updateComposer();
    return true;
  }

  function updateComposer() {
    const ready = isOpen() && !state.pending;
    ui.send.disabled = !ready;
    ui.composer.setAttribute('aria-busy', state.pending ? 'true' : 'false');
  }

  function submitComposer() {
    if (ask(ui.question.value)) {
      ui.question.value = '';
      autoGrow();
    }
  }

  function autoGrow() {
    // CSSOM style changes are allowed by the CSP (only style attributes in markup are not).
    ui.question.style.height = 'auto';
    ui.question.style.height = Math.min(ui.question.scrollHeight, 200) + 'px';
  }

  // ---------------------------------------------------------------- messages

  function addMessage(kind, speaker) {
    const item = el('li', 'msg ' + kind);
    item.append(visuallyHidden(speaker + ': '));
    const bubble = el('div', 'bubble');
    item.append(bubble);
    ui.messages.append(item);
    followIfPinned();
    return { item, bubble };
  }

  function addUserMessage(question) {
    const { bubble } = addMessage('user', 'You');
    bubble.textContent = question;
  }

  function addPendingMessage(question) {
    const message = addMessage('bot pending', 'Bot');
    message.question = question;
    message.streamed = '';
    message.item.setAttribute('aria-busy', 'true');
    const thinking = el('span', 'thinking');
    thinking.append(el('span', 'dot'), el('span', 'dot'), el('span', 'dot'), el('span', 'thinking-text', 'Thinking…'));
    message.bubble.append(thinking);
    return message;
  }

  /** The server streams an answer sentence by sentence; the final answer frame replaces it whole. */
  function appendDelta(text) {
    const message = state.pending;
    if (!message || !text) return;
    if (!message.streamNode) {
      message.bubble.replaceChildren();
      message.streamNode = el('p', 'answer-text streaming');
      message.bubble.append(message.streamNode);
    }
    message.streamed += text; // deltas concatenate to the answer: each brings its own space
    // Markers look like the final ones already, but open nothing until the citations arrive.
    message.streamNode.replaceChildren(...withMarkers(message.streamed, (n) => el('span', 'cite', String(n))));
    followIfPinned();
  }

  function takePending() {
    const message = state.pending;
    state.pending = null;
    updateComposer();
    if (message) {
      message.item.classList.remove('pending');
      message.item.removeAttribute('aria-busy');
      message.bubble.replaceChildren();
      return message;
    }
    return addMessage('bot', 'Bot'); // a frame nobody waited for still gets shown
  }

  function showAnswer(frame) {
    const message = takePending();
    const answer = typeof frame.answer === 'string' ? frame.answer : '';
    const citations = Array.isArray(frame.citations) ? frame.citations : [];
    const grounded = frame.grounded === true;
    const { item, bubble } = message;
    item.classList.add(grounded ? 'grounded' : 'ungrounded');

    const label = el('p', 'answer-label');
    label.append(icon(grounded ? 'check' : 'info'));
    label.append(grounded
      ? 'From the fact base · ' + citations.length + (citations.length === 1 ? ' source' : ' sources')
      : 'Not from the fact base');
    bubble.append(label);
    // A follow-up ("who made it?") is answered as the bot read it: show that, so a wrong reading shows.
    if (typeof frame.resolvedQuestion === 'string' && frame.resolvedQuestion.trim()) {
      bubble.append(el('p', 'resolved', 'Answering: ' + frame.resolvedQuestion));
    }
    bubble.append(answerText(answer, citations));
    if (citations.length > 0) bubble.append(sourceList(citations));
    item.append(actions({
      conversationId: typeof frame.conversationId === 'string' ? frame.conversationId : '',
      question: message.question || '',
      answer,
      citations,
    }));
    followIfPinned();
  }

  function showError(text) {
    const message = takePending();
    message.item.classList.add('error');
    const label = el('p', 'answer-label');
    label.append(icon('warn'), 'Could not answer');
    message.bubble.append(label, el('p', 'answer-text', text));
    followIfPinned();
  }

  /** The pending question lost its connection: say so and offer to ask it again. */
  function failPending(text) {
    if (!state.pending) return;
    const question = state.pending.question;
    const message = takePending();
    message.item.classList.add('error');
    const label = el('p', 'answer-label');
    label.append(icon('warn'), 'No answer');
    const retry = el('button', 'text-button', 'Ask again');
    retry.type = 'button';
    retry.addEventListener('click', () => {
      if (ask(question)) {
        retry.disabled = true;
      } else {
        ui.question.value = question;
        ui.question.focus();
      }
    });
    message.bubble.append(label, el('p', 'answer-text', text), retry);
  }

  /** Answer text with each [n] marker turned into a button that opens citation n. */
  function answerText(answer, citations) {
    const paragraph = el('p', 'answer-text');
    paragraph.append(...withMarkers(answer, (n) => (n <= citations.length ? citeButton(citations[n - 1], n) : null)));
    return paragraph;
  }

  /**
   * Splits text at its [n] markers: strings for the text, and marker(n) for each marker (a
   * marker for which it gives null, like [0] or one past the citations, stays as text).
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

  function citeButton(citation, n) {
    const button = el('button', 'cite', String(n));
    button.type = 'button';
    button.setAttribute('aria-label', 'Source ' + n + ': ' + (citation.title || 'untitled'));
    button.setAttribute('aria-controls', 'sources');
    button.dataset.citation = String(n);
    button.addEventListener('click', () => openSource(citation, n, button));
    return button;
  }

  function sourceList(citations) {
    const list = el('ol', 'source-list');
    list.setAttribute('aria-label', 'Sources');
    citations.forEach((citation, i) => {
      const chip = el('button', 'source-chip');
      chip.type = 'button';
      chip.setAttribute('aria-controls', 'sources');
      chip.append(el('span', 'chip-number', String(i + 1)), el('span', 'chip-title', citation.title || 'Untitled'));
      chip.addEventListener('click', () => openSource(citation, i + 1, chip));
      const item = el('li');
      item.append(chip);
      list.append(item);
    });
    return list;
  }

  // ---------------------------------------------------------------- copy and feedback

  function actions(context) {
    const bar = el('div', 'actions');
    const copy = actionButton('copy', 'Copy', 'Copy the answer');
    copy.addEventListener('click', async () => {
      try {
        await copyText(plainAnswer(context));
        setButtonText(copy, 'Copied');
      } catch (e) {
        setButtonText(copy, 'Copy failed');
      }
      setTimeout(() => setButtonText(copy, 'Copy'), 2000);
    });

    const up = actionButton('up', null, 'Helpful');
    const down = actionButton('down', null, 'Not helpful');
    up.classList.add('feedback-up');
    down.classList.add('feedback-down');
    up.setAttribute('aria-pressed', 'false');
    down.setAttribute('aria-pressed', 'false');
    const note = el('span', 'feedback-note');
    const form = feedbackForm();

    const send = async (rating, comment) => {
      up.disabled = true;
      down.disabled = true;
      (rating === 'up' ? up : down).setAttribute('aria-pressed', 'true');
      form.node.hidden = true;
      note.textContent = 'Sending…';
      try {
        await postFeedback({ ...context, rating, comment });
        note.textContent = 'Thanks for your feedback.';
      } catch (e) {
        note.textContent = 'Could not send the feedback; try again.';
        up.disabled = false;
        down.disabled = false;
        (rating === 'up' ? up : down).setAttribute('aria-pressed', 'false');
      }
    };
    up.addEventListener('click', () => send('up', null));
    // Thumbs-down asks what was wrong (optional) before sending: that is what curators need.
    down.addEventListener('click', () => {
      form.node.hidden = false;
      down.setAttribute('aria-expanded', 'true');
      form.comment.focus();
    });
    form.onSubmit = (comment) => {
      down.setAttribute('aria-expanded', 'false');
      send('down', comment);
    };
    form.onCancel = () => {
      form.node.hidden = true;
      down.setAttribute('aria-expanded', 'false');
      down.focus();
    };

    const wrapper = el('div', 'answer-tools');
    if (context.question) {
      bar.append(copy, up, down, note);
      wrapper.append(bar, form.node);
    } else {
      bar.append(copy); // an answer nobody here asked for (it should not happen) cannot be rated
      wrapper.append(bar);
    }
    return wrapper;
  }

  function actionButton(iconName, text, label) {
    const button = el('button', 'action');
    button.type = 'button';
    button.setAttribute('aria-label', label);
    button.title = label;
    button.append(icon(iconName));
    if (text) button.append(el('span', 'action-text', text));
    return button;
  }

  function setButtonText(button, text) {
    const span = button.querySelector('.action-text');
    if (span) span.textContent = text;
  }

  let feedbackForms = 0;

  function feedbackForm() {
    feedbackForms += 1;
    const id = 'feedback-comment-' + feedbackForms;
    const node = el('form', 'feedback-form');
    node.hidden = true;
    const label = el('label', null, 'What was wrong? (optional)');
    label.htmlFor = id;
    const comment = el('input', 'feedback-comment');
    comment.id = id;
    comment.type = 'text';
    comment.maxLength = MAX_COMMENT;
    comment.placeholder = 'e.g. the answer missed the point';
    const submit = el('button', 'primary', 'Send feedback');
    submit.type = 'submit';
    const cancel = el('button', 'text-button', 'Cancel');
    cancel.type = 'button';
    const row = el('div', 'feedback-row');
    row.append(comment, submit, cancel);
    node.append(label, row);
    const form = { node, comment, onSubmit: null, onCancel: null };
    node.addEventListener('submit', (event) => {
      event.preventDefault();
      form.onSubmit(comment.value.trim() || null);
    });
    cancel.addEventListener('click', () => form.onCancel());
    node.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        event.stopPropagation();
        form.onCancel();
      }
    });
    return form;
  }

  async function postFeedback(body) {
    const response = await fetch('api/feedback', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({
        conversationId: body.conversationId,
        question: body.question,
        answer: body.answer,
        rating: body.rating,
        comment: body.comment,
      }),
    });
    if (!response.ok) throw new Error('feedback rejected: ' + response.status);
  }

  /** The answer as someone would paste it: the text, then its sources. */
  function plainAnswer(context) {
    const lines = [context.answer];
    if (context.citations.length > 0) {
      lines.push('', 'Sources:');
      context.citations.forEach((c, i) => {
        const parts = [c.title, c.source, c.published, safeUrl(c.url)].filter(Boolean);
        lines.push('[' + (i + 1) + '] ' + parts.join(' — '));
      });
    }
    return lines.join('\n');
  }

  async function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return;
    }
    // Plain http on another host is not a secure context: fall back to a selected text area.
    const area = el('textarea', 'offscreen');
    area.value = text;
    area.setAttribute('readonly', '');
    document.body.append(area);
    area.select();
    const copied = document.execCommand('copy');
    area.remove();
    if (!copied) throw new Error('copy refused');
  }

  // ---------------------------------------------------------------- sources panel

  /** Only http(s) links: a javascript: URL in a fact file must never become a clickable link. */
  function safeUrl(url) {
    if (typeof url !== 'string' || url.trim() === '') return null;
    try {
      const parsed = new URL(url);
      return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
    } catch (e) {
      return null;
    }
  }

  function formatDate(iso) {
    if (typeof iso !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(iso)) return null;
    const date = new Date(iso + 'T00:00:00Z');
    if (Number.isNaN(date.getTime())) return null;
    return new Intl.DateTimeFormat(undefined, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
  }

  function openSource(citation, n, trigger) {
    if (state.sourceTrigger && state.sourceTrigger !== trigger) {
      state.sourceTrigger.setAttribute('aria-expanded', 'false');
    }
    state.sourceTrigger = trigger;
    trigger.setAttribute('aria-expanded', 'true');

    ui.sources.dataset.factId = citation.id || '';
    ui.sourceNumber.textContent = 'Source ' + n;
    ui.sourceTitle.textContent = citation.title || 'Untitled';
    ui.sourceOrigin.textContent = citation.source || 'Unknown';
    const date = formatDate(citation.published);
    ui.sourceDate.replaceChildren();
    if (date) {
      const time = el('time', null, date);
      time.dateTime = citation.published;
      ui.sourceDate.append(time);
    } else {
      ui.sourceDate.textContent = 'Unknown';
    }
    ui.sourceSnippet.textContent = citation.snippet || '';
    const url = safeUrl(citation.url);
    if (url) {
      ui.sourceLink.href = url;
      ui.sourceLink.hidden = false;
    } else {
      ui.sourceLink.removeAttribute('href');
      ui.sourceLink.hidden = true;
    }
    ui.sources.hidden = false;
    document.body.classList.add('sources-open');
    followIfPinned(); // the chat column just got narrower and its text taller
    trigger.scrollIntoView({ block: 'nearest' });
    ui.sourcesTitle.focus({ preventScroll: true });
  }

  function closeSource() {
    if (ui.sources.hidden) return;
    ui.sources.hidden = true;
    document.body.classList.remove('sources-open');
    const trigger = state.sourceTrigger;
    state.sourceTrigger = null;
    if (trigger) {
      trigger.setAttribute('aria-expanded', 'false');
      if (trigger.isConnected) trigger.focus();
    }
  }

  // ---------------------------------------------------------------- suggestions

  async function loadSuggestions() {
    try {
      const response = await fetch('api/suggestions?limit=' + SUGGESTIONS, { headers: { Accept: 'application/json' } });
      if (!response.ok) throw new Error('suggestions: ' + response.status);
      const questions = await response.json();
      if (!Array.isArray(questions)) throw new Error('suggestions: not a list');
      ui.suggestions.replaceChildren();
      questions.filter((q) => typeof q === 'string' && q.trim()).forEach((q) => {
        const button = el('button', 'suggestion', q);
        button.type = 'button';
        button.addEventListener('click', () => {
          if (!ask(q)) {
            ui.question.value = q; // not connected yet: keep it ready to send
            autoGrow();
            ui.question.focus();
          }
        });
        const item = el('li');
        item.append(button);
        ui.suggestions.append(item);
      });
    } catch (e) {
      // The chat works without them; just do not offer any.
      ui.suggestions.replaceChildren();
    }
    ui.suggestions.hidden = ui.suggestions.childElementCount === 0;
    document.getElementById('suggestions-title').hidden = ui.suggestions.hidden;
  }

  // ---------------------------------------------------------------- wiring

  ui.composer.addEventListener('submit', (event) => {
    event.preventDefault();
    submitComposer();
  });
  ui.question.addEventListener('keydown', (event) => {
    // Enter sends, Shift+Enter is a new line; never send halfway through an IME composition.
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      submitComposer();
    }
  });
  ui.question.addEventListener('input', autoGrow);
  ui.chat.addEventListener('scroll', () => {
    pinned = atEnd();
  }, { passive: true });
  if ('ResizeObserver' in window) {
    const follow = new ResizeObserver(followIfPinned);
    follow.observe(ui.chat);
    follow.observe(ui.messages);
  }
  ui.sourcesClose.addEventListener('click', closeSource);
  // On narrow screens the panel is a sheet over a dimmed chat: a tap outside it closes it.
  const sheetLayout = window.matchMedia('(max-width: 959.98px)');
  document.addEventListener('click', (event) => {
    if (ui.sources.hidden || !sheetLayout.matches) return;
    if (ui.sources.contains(event.target) || event.target.closest('.cite, .source-chip')) return;
    closeSource();
  });
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') closeSource();
  });
  window.addEventListener('online', reconnectNowIfWaiting);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') reconnectNowIfWaiting();
  });

  updateComposer();
  loadSuggestions();
  connect();
})();
