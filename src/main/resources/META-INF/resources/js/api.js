/**
 * The REST calls the chat makes, each against the server's base URL (so the same code works on
 * the bot's own page and embedded elsewhere).
 */

import { DEFAULT_LIMITS } from './state.js';

const JSON_HEADERS = { Accept: 'application/json' };

/**
 * GET /api/limits: the lengths the server accepts.
 * @param {string|URL} baseUrl
 * @returns {Promise<import('./state.js').Limits>} fields missing from the reply keep their defaults
 */
export async function fetchLimits(baseUrl) {
  const limits = await getJson(baseUrl, 'api/limits');
  const positive = (value, fallback) => (Number.isInteger(value) && value > 0 ? value : fallback);
  return {
    maxQuestionLength: positive(limits?.maxQuestionLength, DEFAULT_LIMITS.maxQuestionLength),
    maxCommentLength: positive(limits?.maxCommentLength, DEFAULT_LIMITS.maxCommentLength),
  };
}

/**
 * GET /api/suggestions: questions to offer people who do not know what to ask.
 * @param {string|URL} baseUrl
 * @param {number} limit
 * @returns {Promise<string[]>}
 */
export async function fetchSuggestions(baseUrl, limit) {
  const questions = await getJson(baseUrl, 'api/suggestions?limit=' + limit);
  if (!Array.isArray(questions)) throw new Error('suggestions: not a list');
  return questions.filter((q) => typeof q === 'string' && q.trim());
}

/**
 * @typedef {object} FeedbackEntry
 * @property {string} question
 * @property {string} answer the answer as sent, markers included
 * @property {'up'|'down'} rating
 * @property {string|null} comment
 */

/**
 * POST /api/feedback.
 * @param {string|URL} baseUrl
 * @param {FeedbackEntry} entry
 */
export async function postFeedback(baseUrl, entry) {
  const response = await fetch(new URL('api/feedback', baseUrl), {
    method: 'POST',
    headers: { ...JSON_HEADERS, 'Content-Type': 'application/json' },
    body: JSON.stringify({
      question: entry.question,
      answer: entry.answer,
      rating: entry.rating,
      comment: entry.comment,
    }),
  });
  if (!response.ok) throw new Error('feedback rejected: ' + response.status);
}

async function getJson(baseUrl, path) {
  const response = await fetch(new URL(path, baseUrl), { headers: JSON_HEADERS });
  if (!response.ok) throw new Error(path + ': ' + response.status);
  return response.json();
}
