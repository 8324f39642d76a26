/**
 * The chat page's entry point (index.html loads it as a module): the chat in this document,
 * talking to the server that served the page.
 */

import { mountChat } from './chat.js';

mountChat(document, { baseUrl: new URL('.', document.baseURI) });
