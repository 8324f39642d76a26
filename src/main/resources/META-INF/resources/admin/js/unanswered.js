/**
 * The Unanswered view: refused questions grouped by meaning, with the nearest facts, and the
 * thumbs-down people gave with their comments.
 */

import { el, button } from '../../js/dom.js';
import { getJson } from './api.js';
import { badge, decimal, duration, time } from './format.js';

/** Thumbs down listed beside the groups (GET /api/feedback allows up to feedback.max-listed). */
const FEEDBACK_LISTED = 200;

/**
 * @param {Document} doc
 * @param {(question: string) => void} onExplain opens the Explain view on a question
 */
export async function showUnanswered(doc, onExplain) {
  const [report, feedback] = await Promise.all([
    getJson('api/admin/unanswered'),
    getJson('api/feedback?limit=' + FEEDBACK_LISTED),
  ]);
  doc.getElementById('unanswered-summary').textContent = report.enabled
    ? `${report.questions} refused question${report.questions === 1 ? '' : 's'} in ${report.groups.length} `
      + `group${report.groups.length === 1 ? '' : 's'}, kept for ${duration(report.retentionSeconds)}.`
    : 'The log of unanswered questions is off (curation.unanswered.enabled=false).';
  const groups = doc.getElementById('groups');
  groups.replaceChildren(...report.groups.map((group) => groupItem(group, onExplain)));
  doc.getElementById('groups-empty').hidden = report.groups.length > 0;

  const dislikes = feedback.filter((entry) => entry.rating === 'down');
  doc.getElementById('dislikes').replaceChildren(...dislikes.map(dislikeItem));
  doc.getElementById('dislikes-empty').hidden = dislikes.length > 0;
}

function groupItem(group, onExplain) {
  const item = el('li', 'group card');
  const head = el('div', 'group-head');
  head.append(el('h4', 'group-question', group.question), badge('count', '× ' + group.count));
  item.append(head);

  const seen = el('p', 'meta');
  seen.append('First asked ', time(group.firstSeen), ' · last ', time(group.lastSeen));
  item.append(seen);

  if (group.questions.length > 1) {
    const asked = el('ul', 'asked');
    asked.setAttribute('aria-label', 'Questions in this group');
    for (const question of group.questions) {
      const line = el('li', null, question.question);
      line.append(el('span', 'muted', ' × ' + question.count));
      asked.append(line);
    }
    item.append(asked);
  }

  if (group.nearest.length) {
    item.append(el('p', 'label', 'Nearest facts'));
    const nearest = el('ul', 'nearest');
    for (const snippet of group.nearest) {
      const line = el('li');
      line.append(el('span', null, snippet.title), ' ', el('code', null, snippet.id),
        el('span', 'muted', ' cosine ' + decimal(snippet.cosine)));
      nearest.append(line);
    }
    item.append(nearest);
  }

  const explain = button('secondary small', 'Explain');
  explain.setAttribute('aria-label', 'Explain: ' + group.question);
  explain.addEventListener('click', () => onExplain(group.question));
  item.append(explain);
  return item;
}

function dislikeItem(entry) {
  const item = el('li', 'dislike card');
  item.append(el('p', 'dislike-question', entry.question));
  item.append(el('p', 'dislike-answer muted', entry.answer));
  if (entry.comment) item.append(el('blockquote', 'dislike-comment', entry.comment));
  const meta = el('p', 'meta');
  meta.append(time(entry.timestamp));
  item.append(meta);
  return item;
}
