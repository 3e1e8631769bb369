// The built site on a plain static host (the "static" project only; playwright.config.ts): its
// URLs are relative, and where the service worker cannot isolate the page there is no reload loop.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';

const root = join(import.meta.dirname, '..');

test('the built page refers to its files by relative URLs (it works from any folder)', async () => {
  const html = readFileSync(join(root, 'dist', 'index.html'), 'utf8');
  const urls = [...html.matchAll(/\b(?:src|href)="([^"]*)"/g)].map((m) => m[1]);
  expect(urls).toContain('./coi-register.js');
  // Relative (or inline data:), never from the host's root or another site.
  for (const url of urls) expect(url, url).toMatch(/^(\.\/|data:)/);
});

test('without service workers the page does not reload in a loop', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL, serviceWorkers: 'block' });
  const page = await context.newPage();
  let navigations = 0;
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) navigations++;
  });
  await page.goto('./');
  await page.waitForTimeout(3000);
  expect(navigations).toBe(1);
  expect(await page.evaluate(() => window.crossOriginIsolated)).toBe(false);
  await expect(page.locator('html')).toHaveAttribute('data-isolation', /^(unsupported|failed)$/);
  // The app explains it.
  await expect(page.getByTestId('isolation-notice')).toContainText('not cross-origin isolated');
  await expect(page.getByTestId('console')).toHaveCount(0);
  await context.close();
});

test('when the worker installs but never serves the page, it reloads once and then gives up', async ({ page }) => {
  // DevTools' "Bypass for network": the service worker registers, but no request goes through it.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setBypassServiceWorker', { bypass: true });
  let navigations = 0;
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) navigations++;
  });
  await page.goto('./');
  await expect(page.locator('html')).toHaveAttribute('data-isolation', 'failed', { timeout: 15_000 });
  await page.waitForTimeout(3000);
  expect(navigations).toBe(2); // the first load and the one reload
  expect(await page.evaluate(() => window.crossOriginIsolated)).toBe(false);
  await expect(page.getByTestId('isolation-notice')).toContainText('not cross-origin isolated');
  // A reload by the user tries once more, and gives up again.
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-isolation', 'failed', { timeout: 15_000 });
  await page.waitForTimeout(3000);
  expect(navigations).toBeLessThanOrEqual(4);
});

test('from file:// the page says it cannot be isolated and does not loop', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  let navigations = 0;
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) navigations++;
  });
  await page.goto('file://' + join(root, 'dist', 'index.html'));
  await page.waitForTimeout(2000);
  expect(navigations).toBe(1);
  expect(await page.evaluate(() => window.crossOriginIsolated)).toBe(false);
  await expect(page.locator('html')).toHaveAttribute('data-isolation', /^(unsupported|failed)$/);
  // The app's scripts cannot load from file://: coi-register.js says what to do instead.
  await expect(page.getByTestId('isolation-notice')).toContainText('opened from a file');
  await expect(page.getByTestId('isolation-notice')).toContainText('python3 -m http.server');
  await context.close();
});

test('a hard reload (which bypasses the service worker) comes back isolated', async ({ page }) => {
  await page.goto('./');
  await page.waitForFunction(() => window.crossOriginIsolated === true);
  let navigations = 0;
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) navigations++;
  });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Page.reload', { ignoreCache: true }); // Shift+Reload
  await page.waitForFunction(() => window.crossOriginIsolated === true, null, { timeout: 20_000 });
  await expect(page.locator('html')).toHaveAttribute('data-isolation', 'isolated');
  expect(navigations).toBeLessThanOrEqual(2);
});
