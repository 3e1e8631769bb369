// Hosting: the page is cross-origin isolated both from the dev server (real COOP/COEP headers)
// and from the built site on a plain static server under a sub-path (public/coi-sw.js adds the
// headers); nothing is fetched from another origin; the examples gallery is served.
import { expect, test } from '@playwright/test';
import { examplesIndex, foreignRequests, openPlayground, recordRequests } from './helpers';

test('the page becomes cross-origin isolated, reloading at most once', async ({ page, baseURL }, testInfo) => {
  const navigations: string[] = [];
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) navigations.push(frame.url());
  });
  await openPlayground(page);
  expect(await page.evaluate(() => typeof SharedArrayBuffer)).toBe('function');
  expect(await page.evaluate(() => new SharedArrayBuffer(16).byteLength)).toBe(16);
  await expect(page.locator('html')).toHaveAttribute('data-isolation', 'isolated');
  const controlled = await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL ?? null);
  if (testInfo.project.name === 'static') {
    // Isolated by the service worker, registered with the sub-path as its scope.
    expect(controlled).toBe(new URL('coi-sw.js', baseURL).href);
    expect(navigations.length).toBeLessThanOrEqual(2); // the first load and the one reload
  } else {
    expect(controlled).toBe(null); // the dev server's own headers did it
    expect(navigations).toHaveLength(1);
  }
  // Still isolated, and without another reload, on the next visit.
  navigations.length = 0;
  await page.reload();
  await page.waitForFunction(() => window.crossOriginIsolated === true);
  await page.waitForTimeout(500);
  expect(navigations).toHaveLength(1);
});

test('a worker of the page can share memory with it', async ({ page }) => {
  await openPlayground(page);
  const seen = await page.evaluate(async () => {
    const memory = new Int32Array(new SharedArrayBuffer(8));
    const source = 'onmessage = (e) => { Atomics.store(e.data, 1, 42); Atomics.notify(e.data, 1); postMessage(0); };';
    const worker = new Worker(URL.createObjectURL(new Blob([source], { type: 'text/javascript' })));
    await new Promise((resolve) => {
      worker.onmessage = resolve;
      worker.postMessage(memory);
    });
    worker.terminate();
    return Atomics.load(memory, 1);
  });
  expect(seen).toBe(42);
});

test('the static server sends no isolation headers; the dev server does', async ({ request, baseURL }, testInfo) => {
  const response = await request.get(baseURL!);
  expect(response.status()).toBe(200);
  const headers = response.headers();
  if (testInfo.project.name === 'static') {
    expect(headers['cross-origin-opener-policy']).toBeUndefined();
    expect(headers['cross-origin-embedder-policy']).toBeUndefined();
  } else {
    expect(headers['cross-origin-opener-policy']).toBe('same-origin');
    expect(headers['cross-origin-embedder-policy']).toBe('require-corp');
  }
});

test('no request leaves the origin', async ({ page, context, baseURL }) => {
  const urls = recordRequests(context);
  await openPlayground(page);
  await page.waitForLoadState('networkidle');
  await examplesIndex(page);
  expect(urls.length).toBeGreaterThan(0);
  expect(foreignRequests(urls, baseURL!)).toEqual([]);
});

test('the examples gallery is served: index.json, binaries and sources', async ({ page }) => {
  await openPlayground(page);
  const examples = await examplesIndex(page);
  expect(examples.map((e) => e.name)).toEqual(
    expect.arrayContaining(['hello', 'args', 'mandelbrot', 'wordcount', 'threads', 'signals', 'pipeline', 'snake', 'spin']),
  );
  for (const e of examples) {
    // Fetched by the page itself, so through the service worker on the static server.
    const got = await page.evaluate(async (file) => {
      const response = await fetch('examples/' + file);
      const bytes = new Uint8Array(await response.arrayBuffer());
      return { status: response.status, length: bytes.length, magic: Array.from(bytes.subarray(0, 4)), machine: bytes[18] | (bytes[19] << 8) };
    }, e.file);
    expect(got, e.name).toEqual({ status: 200, length: e.size, magic: [0x7f, 0x45, 0x4c, 0x46], machine: 183 });
    const source = await page.request.get('examples/' + e.source);
    expect(source.status(), e.source).toBe(200);
    expect(await source.text()).toMatch(/\b(main|_start)\(/);
  }
});
