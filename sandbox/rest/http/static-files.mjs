/**
 * Static files with correct MIME types, no directory listing and no way out of the root
 * (no "..", no encoded "..", no symlink escape).
 */
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';

export const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

function send(res, status, text, headers = {}) {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff', ...headers });
  res.end(text);
}

const inside = (root, target) => target === root || target.startsWith(root + path.sep);

/**
 * Resolves a URL path (as it came on the wire, still percent-encoded) to a file under root, or says why not.
 * @returns {Promise<{file: string} | {status: number, message: string}>}
 */
export async function resolveFile(root, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return { status: 400, message: 'Bad request' };
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return { status: 400, message: 'Bad request' };
  const segments = decoded.split('/').filter((s) => s !== '' && s !== '.');
  if (segments.includes('..')) return { status: 403, message: 'Forbidden' };
  let realRoot;
  try {
    realRoot = await realpath(root);
  } catch {
    return { status: 404, message: 'Not found' };
  }
  let file = path.resolve(realRoot, ...segments);
  if (!inside(realRoot, file)) return { status: 403, message: 'Forbidden' };
  try {
    if ((await stat(file)).isDirectory()) file = path.join(file, 'index.html'); // an index page, never a listing
    file = await realpath(file);
    if (!inside(realRoot, file) || !(await stat(file)).isFile()) return { status: 404, message: 'Not found' };
  } catch {
    return { status: 404, message: 'Not found' };
  }
  return { file };
}

/** @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res */
export async function serveStatic(req, res, root, urlPath) {
  if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed', { allow: 'GET, HEAD' });
  const resolved = await resolveFile(root, urlPath);
  if ('status' in resolved) return send(res, resolved.status, resolved.message);
  const info = await stat(resolved.file);
  res.writeHead(200, {
    'content-type': MIME_TYPES[path.extname(resolved.file).toLowerCase()] ?? 'application/octet-stream',
    'content-length': info.size,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    // Like Zendesk's app CDN: the host page reads the app's manifest.json from another origin.
    'access-control-allow-origin': '*',
  });
  if (req.method === 'HEAD') return res.end();
  createReadStream(resolved.file).pipe(res);
}
