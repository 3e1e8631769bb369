// Shared steps of the end-to-end tests.
import { expect, type BrowserContext, type Page } from '@playwright/test';
import type { Example } from '../src/ui/examples/examples';

/** Opens the playground and waits until it is cross-origin isolated (on the static server that
 *  takes the service worker's one reload). */
export async function openPlayground(page: Page, query = ''): Promise<void> {
  await page.goto('./' + query);
  await page.waitForFunction(() => window.crossOriginIsolated === true, null, { timeout: 20_000 });
  await page.waitForLoadState('domcontentloaded');
}

/** Every URL the context requests (pages, workers and the service worker's own fetches). */
export function recordRequests(context: BrowserContext): string[] {
  const urls: string[] = [];
  context.on('request', (request) => urls.push(request.url()));
  return urls;
}

/** Requests that left the page's origin (data: and blob: URLs stay inside the page). */
export function foreignRequests(urls: string[], baseURL: string): string[] {
  const origin = new URL(baseURL).origin;
  return urls.filter((url) => !/^(data|blob):/.test(url) && new URL(url).origin !== origin);
}

/** An entry of public/examples/index.json (the page's own type). */
export type ExampleEntry = Example;

export async function examplesIndex(page: Page): Promise<ExampleEntry[]> {
  const response = await page.request.get('examples/index.json');
  expect(response.status()).toBe(200);
  return ((await response.json()) as { examples: ExampleEntry[] }).examples;
}

/** The console's screen as text, a line per row (xterm keeps its rows in the DOM). */
export async function consoleText(page: Page): Promise<string> {
  return page.getByTestId('console').evaluate((el) => {
    let rows = el.querySelectorAll('.xterm-rows > div');
    if (rows.length === 0) rows = el.querySelectorAll('.xterm-accessibility-tree > div');
    const lines =
      rows.length > 0 ? Array.from(rows, (row) => row.textContent ?? '') : (el.textContent ?? '').split('\n');
    return lines.map((line) => line.replace(/\u00a0/g, ' ').trimEnd()).join('\n').replace(/\n+$/, '');
  });
}

/** Waits until the console shows text matching `pattern`. */
export async function expectConsole(page: Page, pattern: string | RegExp, timeout = 30_000): Promise<void> {
  await expect
    .poll(() => consoleText(page), { timeout, message: `console shows ${pattern}` })
    .toMatch(typeof pattern === 'string' ? new RegExp(pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) : pattern);
}

/** Opens a program through the page's file picker (the "Open…" button's input). */
export async function openProgram(page: Page, path: string): Promise<void> {
  await page.getByTestId('open-file').setInputFiles(path);
}

/** Matches the status bar once a program has exited with `code`. */
export const exitedWith = (code: number) => new RegExp(`exit(ed)?\\b[^0-9]*\\b${code}\\b`, 'i');
