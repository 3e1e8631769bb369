// Shared steps of the end-to-end tests.
import { expect, type BrowserContext, type Page } from '@playwright/test';

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

export interface ExampleEntry {
  name: string;
  title: string;
  description: string;
  args: string[];
  env: Record<string, string>;
  file: string;
  source: string;
  size: number;
}

export async function examplesIndex(page: Page): Promise<ExampleEntry[]> {
  const response = await page.request.get('examples/index.json');
  expect(response.status()).toBe(200);
  return ((await response.json()) as { examples: ExampleEntry[] }).examples;
}
