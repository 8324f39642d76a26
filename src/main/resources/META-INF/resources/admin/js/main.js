/**
 * The curator console's entry point (admin/index.html loads it as a module): the token prompt,
 * then three views, chosen by the tabs or the address's #fragment.
 */

import { ApiError, forgetToken, getJson, download, setToken } from './api.js';
import { showUnanswered } from './unanswered.js';
import { explain } from './explain.js';
import { reloadFacts, showFacts } from './facts.js';

const VIEWS = ['unanswered', 'explain', 'facts'];
const doc = document;
const $ = (id) => doc.getElementById(id);

let unlocked = false;

$('gate-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const input = $('token');
  setToken(input.value.trim());
  $('unlock').disabled = true;
  try {
    await getJson('api/knowledge/status');
    input.value = '';
    unlock();
  } catch (e) {
    forgetToken();
    showGateError(e);
  } finally {
    $('unlock').disabled = false;
  }
});

$('lock').addEventListener('click', lock);

for (const tab of doc.querySelectorAll('#tabs .tab')) {
  tab.addEventListener('click', () => {
    location.hash = tab.dataset.view;
  });
}
window.addEventListener('hashchange', () => {
  if (unlocked) open(currentView());
});

$('unanswered-refresh').addEventListener('click', () => open('unanswered'));
$('facts-refresh').addEventListener('click', () => open('facts'));
$('facts-reload').addEventListener('click', () => run(() => reloadFacts(doc)));
$('explain-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const question = $('explain-question').value.trim();
  if (question) explain(doc, question);
});
for (const exporter of doc.querySelectorAll('[data-export]')) {
  exporter.addEventListener('click', () => {
    const { export: what, format } = exporter.dataset;
    run(() => download(`api/admin/${what}/export?format=${format}`, `${what}.${format}`));
  });
}

$('token').focus();

function unlock() {
  unlocked = true;
  $('gate').hidden = true;
  $('gate-error').hidden = true;
  $('tabs').hidden = false;
  $('lock').hidden = false;
  open(currentView());
}

function lock() {
  unlocked = false;
  forgetToken();
  for (const view of VIEWS) $('view-' + view).hidden = true;
  $('tabs').hidden = true;
  $('lock').hidden = true;
  $('gate').hidden = false;
  $('token').focus();
}

function currentView() {
  const wanted = location.hash.slice(1);
  return VIEWS.includes(wanted) ? wanted : VIEWS[0];
}

function open(view) {
  for (const name of VIEWS) {
    $('view-' + name).hidden = name !== view;
    $('tab-' + name).setAttribute('aria-selected', String(name === view));
  }
  if (view === 'unanswered') run(() => showUnanswered(doc, explainFromLog));
  else if (view === 'facts') run(() => showFacts(doc));
  else $('explain-question').focus();
}

function explainFromLog(question) {
  $('explain-question').value = question;
  location.hash = 'explain';
  explain(doc, question);
}

/** Runs a view's work; a token no longer accepted sends the curator back to the prompt. */
async function run(work) {
  const error = $('console-error');
  error.hidden = true;
  try {
    await work();
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) {
      lock();
      showGateError(e);
    } else {
      error.textContent = e.message;
      error.hidden = false;
    }
  }
}

function showGateError(e) {
  const message = !(e instanceof ApiError) ? 'The bot could not be reached: ' + e.message
    : e.status === 401 ? 'That token is not the admin token.'
      : e.status === 404 ? 'The admin endpoints are off: start the bot with ADMIN_TOKEN set.'
        : e.message;
  $('gate-error').textContent = message;
  $('gate-error').hidden = false;
}
