/**
 * The tools under an answer: copy (the answer with its sources), and thumbs up / down. Thumbs-down
 * asks what was wrong (optional) before sending: that is what curators need.
 */

import { postFeedback } from './api.js';
import { button, el, icon, safeUrl } from './dom.js';

const COPY_RESET_MS = 2000;

/**
 * What a rating refers to.
 * @typedef {object} RatedAnswer
 * @property {string} question empty for an answer nobody here asked for: it can be copied, not rated
 * @property {string} answer
 * @property {import('./frames.js').Citation[]} citations
 */

let feedbackForms = 0;

/**
 * @param {RatedAnswer} rated
 * @param {{baseUrl: string|URL, maxCommentLength: number}} options
 * @returns {HTMLElement}
 */
export function answerTools(rated, options) {
  const wrapper = el('div', 'answer-tools');
  const bar = el('div', 'actions');
  wrapper.append(bar);
  bar.append(copyButton(rated));
  if (!rated.question) return wrapper;

  const up = actionButton('up', null, 'Helpful');
  const down = actionButton('down', null, 'Not helpful');
  up.classList.add('feedback-up');
  down.classList.add('feedback-down');
  up.setAttribute('aria-pressed', 'false');
  down.setAttribute('aria-pressed', 'false');
  const note = el('span', 'feedback-note');
  const form = commentForm(options.maxCommentLength);

  const send = async (rating, comment) => {
    const pressed = rating === 'up' ? up : down;
    up.disabled = true;
    down.disabled = true;
    pressed.setAttribute('aria-pressed', 'true');
    form.node.hidden = true;
    note.textContent = 'Sending…';
    try {
      await postFeedback(options.baseUrl, {
        question: rated.question, answer: rated.answer, rating, comment,
      });
      note.textContent = 'Thanks for your feedback.';
    } catch (e) {
      note.textContent = 'Could not send the feedback; try again.';
      up.disabled = false;
      down.disabled = false;
      pressed.setAttribute('aria-pressed', 'false');
    }
  };
  up.addEventListener('click', () => send('up', null));
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

  bar.append(up, down, note);
  wrapper.append(form.node);
  return wrapper;
}

function copyButton(rated) {
  const copy = actionButton('copy', 'Copy', 'Copy the answer');
  copy.addEventListener('click', async () => {
    try {
      await copyText(plainAnswer(rated), copy);
      setButtonText(copy, 'Copied');
    } catch (e) {
      setButtonText(copy, 'Copy failed');
    }
    setTimeout(() => setButtonText(copy, 'Copy'), COPY_RESET_MS);
  });
  return copy;
}

function actionButton(iconName, text, label) {
  const action = button('action');
  action.setAttribute('aria-label', label);
  action.title = label;
  action.append(icon(iconName));
  if (text) action.append(el('span', 'action-text', text));
  return action;
}

function setButtonText(action, text) {
  const span = action.querySelector('.action-text');
  if (span) span.textContent = text;
}

function commentForm(maxLength) {
  feedbackForms += 1;
  const id = 'feedback-comment-' + feedbackForms;
  const node = el('form', 'feedback-form');
  node.hidden = true;
  const label = el('label', null, 'What was wrong? (optional)');
  label.htmlFor = id;
  const comment = el('input', 'feedback-comment');
  comment.id = id;
  comment.type = 'text';
  comment.maxLength = maxLength;
  comment.placeholder = 'e.g. the answer missed the point';
  const submit = el('button', 'primary', 'Send feedback');
  submit.type = 'submit';
  const cancel = button('text-button', 'Cancel');
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
      event.stopPropagation(); // closes the form, not the sources panel
      form.onCancel();
    }
  });
  return form;
}

/** The answer as someone would paste it: the text, then its sources. */
function plainAnswer(rated) {
  const lines = [rated.answer];
  if (rated.citations.length > 0) {
    lines.push('', 'Sources:');
    rated.citations.forEach((c, i) => {
      const parts = [c.title, c.source, c.published, safeUrl(c.url)].filter(Boolean);
      lines.push('[' + (i + 1) + '] ' + parts.join(' — '));
    });
  }
  return lines.join('\n');
}

/**
 * @param {string} text
 * @param {HTMLElement} near where the fallback's hidden text area goes for a moment
 */
async function copyText(text, near) {
  if (navigator.clipboard && window.isSecureContext) {
    await navigator.clipboard.writeText(text);
    return;
  }
  // Plain http on another host is not a secure context: fall back to a selected text area.
  const area = el('textarea', 'offscreen');
  area.value = text;
  area.setAttribute('readonly', '');
  near.after(area);
  area.select();
  const copied = document.execCommand('copy');
  area.remove();
  if (!copied) throw new Error('copy refused');
}
