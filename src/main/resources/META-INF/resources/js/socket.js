/**
 * A WebSocket that comes back by itself. When the connection drops (or cannot be made), it tries
 * again after a delay that starts at a second and doubles per failed attempt up to 30 s, with
 * ±20% jitter so many pages dropped by one server restart do not all return in the same instant.
 * Coming back online, or back to the tab, retries at once instead of sitting out the delay.
 */

const BACKOFF_BASE_MS = 1000;
const BACKOFF_MAX_MS = 30000;
const JITTER = 0.2;

/**
 * The WebSocket URL for a path under the server's base URL (http → ws, https → wss).
 * @param {string|URL} baseUrl
 * @param {string} path relative to baseUrl
 */
export function socketUrl(baseUrl, path) {
  const url = new URL(path, baseUrl);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.href;
}

/**
 * @param {number} attempt failed attempts so far, from 0
 * @returns {number} milliseconds before the next attempt
 */
function backoffDelay(attempt) {
  const delay = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** attempt);
  return delay * (1 - JITTER + Math.random() * 2 * JITTER);
}

/**
 * @typedef {object} SocketHandlers
 * @property {() => void} onOpen        connected (again)
 * @property {(data: unknown) => void} onMessage a frame from the server
 * @property {() => void} onDown        the connection dropped or could not be made; a retry is scheduled
 */

export class ReconnectingSocket {
  /**
   * @param {string} url a ws: or wss: URL
   * @param {SocketHandlers} handlers
   */
  constructor(url, handlers) {
    this.url = url;
    this.handlers = handlers;
    /** @type {WebSocket|null} */
    this.socket = null;
    this.attempt = 0;
    this.retryTimer = null;
    this.stopped = false;
    this.lifetime = new AbortController();
    const retryNow = () => this.#retryNowIfWaiting();
    window.addEventListener('online', retryNow, { signal: this.lifetime.signal });
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible') retryNow();
    }, { signal: this.lifetime.signal });
  }

  get isOpen() {
    return this.socket !== null && this.socket.readyState === WebSocket.OPEN;
  }

  /** Opens the connection (or tries again now). */
  connect() {
    if (this.stopped) return;
    clearTimeout(this.retryTimer);
    this.retryTimer = null;
    let socket;
    try {
      socket = new WebSocket(this.url);
    } catch (e) {
      this.#down();
      return;
    }
    this.socket = socket;
    socket.addEventListener('open', () => {
      this.attempt = 0;
      this.handlers.onOpen();
    });
    socket.addEventListener('message', (event) => this.handlers.onMessage(event.data));
    // 'error' is always followed by 'close', so reconnecting is handled there alone.
    socket.addEventListener('close', () => {
      if (this.socket !== socket) return; // an old socket already replaced
      this.socket = null;
      this.#down();
    });
  }

  /**
   * @param {string} data
   * @returns {boolean} false (and nothing sent) while not connected
   */
  send(data) {
    if (!this.isOpen) return false;
    this.socket.send(data);
    return true;
  }

  /** Closes for good: no more retries, no more handler calls. */
  stop() {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    this.lifetime.abort();
    const socket = this.socket;
    this.socket = null;
    if (socket) socket.close();
  }

  #down() {
    if (this.stopped) return;
    const delay = backoffDelay(this.attempt);
    this.attempt += 1;
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => this.connect(), delay);
    this.handlers.onDown();
  }

  /** Back online or back on the tab: no reason to sit out the rest of a long backoff. */
  #retryNowIfWaiting() {
    if (this.retryTimer !== null) this.connect();
  }
}
