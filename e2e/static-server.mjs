#!/usr/bin/env node
// A plain static file server for the end-to-end tests: it serves a folder (dist/) under a
// sub-path the way GitHub Pages serves a project site, and deliberately sends no
// Cross-Origin-Opener-Policy / -Embedder-Policy headers, so the tests see what a real static host
// gives and the service worker (public/coi-sw.js) has to provide cross-origin isolation.
//
// usage: node e2e/static-server.mjs [--port 4273] [--base /a64play/] [DIR=dist]
import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';

const args = process.argv.slice(2);
let port = 4273;
let base = '/a64play/';
let dir = 'dist';
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--port') port = Number(args[++i]);
  else if (args[i] === '--base') base = args[++i];
  else dir = args[i];
}
if (!base.startsWith('/')) base = '/' + base;
if (!base.endsWith('/')) base += '/';
const rootDir = resolve(dir);

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.c': 'text/plain; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

function send(res, status, text) {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(text);
}

const server = createServer((req, res) => {
  if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'method not allowed\n');
  const url = new URL(req.url ?? '/', 'http://localhost');
  let path = decodeURIComponent(url.pathname);
  if (path + '/' === base) {
    res.writeHead(301, { Location: base + url.search });
    return res.end();
  }
  if (!path.startsWith(base)) return send(res, 404, 'not found\n');
  path = path.slice(base.length);
  if (path === '' || path.endsWith('/')) path += 'index.html';
  const file = normalize(join(rootDir, path));
  if (file !== rootDir && !file.startsWith(rootDir + sep)) return send(res, 403, 'forbidden\n');
  let stat;
  try {
    stat = statSync(file);
  } catch {
    return send(res, 404, 'not found\n');
  }
  if (!stat.isFile()) return send(res, 404, 'not found\n');
  res.writeHead(200, {
    'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
    'Content-Length': stat.size,
    'Cache-Control': 'no-cache',
  });
  if (req.method === 'HEAD') return res.end();
  createReadStream(file).pipe(res);
});

server.listen(port, '127.0.0.1', () => {
  console.log(`static-server: ${rootDir} at http://localhost:${port}${base} (no isolation headers)`);
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.close(() => process.exit(0)));
