/*
 * a64play's service worker: cross-origin isolation on a plain static host.
 *
 * The engine's memory is a SharedArrayBuffer, which a page may only create when it is
 * cross-origin isolated, i.e. served with
 *   Cross-Origin-Opener-Policy: same-origin
 *   Cross-Origin-Embedder-Policy: require-corp
 * A static host (GitHub Pages and the like) cannot be told to send them. This worker sits
 * between the page and the network and hands back every same-origin response with those
 * headers added, so once it controls the page (coi-register.js reloads it once) the page is
 * isolated. It caches nothing and changes no body; requests to other origins (the playground
 * makes none) are left to the browser.
 */
'use strict';

self.addEventListener('install', () => {
  // Take over at once instead of waiting for every old page to close.
  self.skipWaiting();
});

self.addEventListener('activate', (event) => {
  // Control the pages that are already open, so coi-register.js sees controllerchange and reloads.
  event.waitUntil(self.clients.claim());
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (new URL(request.url).origin !== self.location.origin) return;
  // Chromium may issue this combination (DevTools); fetch() would reject it.
  if (request.cache === 'only-if-cached' && request.mode !== 'same-origin') return;
  event.respondWith(withIsolationHeaders(request));
});

async function withIsolationHeaders(request) {
  const response = await fetch(request);
  // Opaque responses and redirects handed back to a navigation cannot be rebuilt; pass them on.
  if (response.type === 'opaque' || response.type === 'opaqueredirect' || response.status === 0) return response;
  const headers = new Headers(response.headers);
  headers.set('Cross-Origin-Opener-Policy', 'same-origin');
  headers.set('Cross-Origin-Embedder-Policy', 'require-corp');
  headers.set('Cross-Origin-Resource-Policy', 'same-origin');
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}
