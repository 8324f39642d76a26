/**
 * The admin API as the console calls it. The admin token lives in this module's memory only: never
 * in a URL, a cookie or web storage, so reloading or closing the tab forgets it.
 */

/** The server root: the console is served at /admin/. */
const ROOT = new URL('../', document.baseURI);

/** @type {string|null} */
let token = null;

/** @param {string} value */
export function setToken(value) {
  token = value;
}

export function forgetToken() {
  token = null;
}

/** A failed call, with the HTTP status and the problem's detail. */
export class ApiError extends Error {
  /**
   * @param {number} status
   * @param {string} message
   */
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

/**
 * @param {string} path relative to the server root, e.g. "api/knowledge/status"
 * @param {RequestInit} [options]
 * @returns {Promise<Response>}
 */
async function call(path, options = {}) {
  const response = await fetch(new URL(path, ROOT), {
    ...options,
    cache: 'no-store',
    headers: { Accept: 'application/json', ...options.headers, Authorization: 'Bearer ' + token },
  });
  if (!response.ok) {
    let detail = response.statusText;
    try {
      const problem = await response.json();
      detail = problem.detail || problem.title || detail;
    } catch (e) {
      // not problem JSON: keep the status text
    }
    throw new ApiError(response.status, detail);
  }
  return response;
}

/** @param {string} path */
export async function getJson(path) {
  return (await call(path)).json();
}

/**
 * @param {string} path
 * @param {unknown} [body]
 */
export async function postJson(path, body) {
  const options = { method: 'POST' };
  if (body !== undefined) {
    options.headers = { 'Content-Type': 'application/json' };
    options.body = JSON.stringify(body);
  }
  return (await call(path, options)).json();
}

/**
 * Saves what an export endpoint returns as a file: fetched with the token, handed to the browser
 * as a blob, so the token never appears in a link.
 * @param {string} path
 * @param {string} filename
 */
export async function download(path, filename) {
  const blob = await (await call(path, { headers: { Accept: '*/*' } })).blob();
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
