// The demo site's static server (node:http): the demo pages with the chat-api URL filled in,
// the built widget from dist/, and any extra pages a test adds.
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const types = { html: 'text/html; charset=utf-8', css: 'text/css', js: 'text/javascript' };

const escapeAttribute = (value) => value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

/**
 * @param {{ apiUrl: string, pages?: Record<string, string> }} options
 *   `pages`: extra HTML by path (e.g. `/hostile.html`); `%CHAT_API_URL%` is filled in there too.
 * @returns {import('node:http').Server} not yet listening
 */
export function createDemoServer(options) {
  const fill = (html) => html.replaceAll('%CHAT_API_URL%', escapeAttribute(options.apiUrl));
  const file = (path) => {
    if (path === '/') return `${root}demo/index.html`;
    if (/^\/(widget\.js|widget-app\.[\w-]+\.js)$/.test(path)) return `${root}dist${path}`;
    if (/^\/[\w-]+\.(html|css)$/.test(path)) return `${root}demo${path}`;
    return undefined;
  };
  return createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://demo').pathname;
    if (path === '/favicon.ico') {
      response.writeHead(204).end();
      return;
    }
    if (path === '/healthz') {
      response.writeHead(200, { 'Content-Type': 'application/json' }).end('{"ok":true}');
      return;
    }
    const extra = options.pages?.[path];
    const found = extra === undefined ? file(path) : undefined;
    if (extra === undefined && (found === undefined || !existsSync(found))) {
      response.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
      return;
    }
    const type = types[(found ?? '.html').split('.').pop()] ?? 'application/octet-stream';
    const body = extra ?? readFileSync(found);
    response.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'no-cache' });
    response.end(type.startsWith('text/html') ? fill(String(body)) : body);
  });
}
