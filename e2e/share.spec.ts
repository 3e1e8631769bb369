// The examples gallery and share links: run an example from the gallery, share it and open the
// link in a fresh context, embed a dropped program in a link, ?embed=1's minimal layout, and a
// link's arguments, environment and stdin reaching the program. Driven through data-testids
// (examples-button, example-card[data-name], share-button, share-link, share-stdin, …).
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectConsole, exitedWith, openPlayground, openProgram } from './helpers';

const root = join(import.meta.dirname, '..');
const fixture = (name: string) => join(root, 'tests', 'guest', 'bin', name);

/** Collects page errors; the test fails if any appear. */
function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  return errors;
}

async function runExample(page: Page, name: string): Promise<void> {
  await page.getByTestId('examples-button').click();
  const card = page.locator(`[data-testid="example-card"][data-name="${name}"]`);
  await expect(card).toBeVisible();
  await card.getByRole('button').click();
}

/** Opens the Share panel and returns the link once it is made. */
async function shareLink(page: Page): Promise<string> {
  await page.getByTestId('share-button').click();
  const field = page.getByTestId('share-link');
  await expect(field).not.toHaveValue('', { timeout: 30_000 });
  return field.inputValue();
}

/** Opens `link` in a new browser context (nothing shared with the first page). */
async function openFresh(browser: Browser, baseURL: string, link: string): Promise<{ page: Page; errors: string[]; close(): Promise<void> }> {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  const errors = watchErrors(page);
  const url = new URL(link);
  await openPlayground(page, url.search + url.hash);
  return { page, errors, close: () => context.close() };
}

test('the gallery runs an example with one click and links its source', async ({ page }) => {
  const errors = watchErrors(page);
  await openPlayground(page);
  await page.getByTestId('examples-button').click();
  const cards = page.getByTestId('example-card');
  await expect(cards.first()).toBeVisible();
  expect(await cards.count()).toBeGreaterThanOrEqual(8);
  const hello = page.locator('[data-testid="example-card"][data-name="hello"]');
  await expect(hello).toContainText('Hello, world');
  // every card: a title and a one-line explanation (one sentence, no line breaks)
  for (const card of await cards.all()) {
    const title = (await card.locator('.gallery-title').textContent())!.trim();
    const description = (await card.locator('.gallery-desc').textContent())!.trim();
    expect(title.length, await card.getAttribute('data-name') ?? '').toBeGreaterThan(3);
    expect(description.length, title).toBeGreaterThan(20);
    expect(description.length, title).toBeLessThan(160);
    expect(description, title).not.toContain('\n');
  }
  // the list of examples, each there
  const names = await cards.evaluateAll((els) => els.map((el) => el.getAttribute('data-name')));
  expect(names).toEqual(expect.arrayContaining(['hello', 'args', 'mandelbrot', 'wordcount', 'threads', 'signals', 'pipeline', 'snake']));
  await expect(hello.getByRole('link')).toHaveAttribute('href', /examples\/hello\.c$/);
  await hello.getByRole('button').click();
  await expectConsole(page, 'Hello, world!');
  await expect(page.getByTestId('status')).toContainText(exitedWith(0));
  await expect(page.getByTestId('program-name')).toContainText('hello');
  await expect(page.getByTestId('example-source')).toHaveAttribute('href', /examples\/hello\.c$/);
  const source = await page.request.get(await page.getByTestId('example-source').getAttribute('href') ?? '');
  expect(await source.text()).toContain('Hello, world!');
  expect(errors).toEqual([]);
});

test('a share link to an example runs the same program in a fresh page', async ({ page, browser, baseURL }) => {
  const errors = watchErrors(page);
  await openPlayground(page);
  await runExample(page, 'args');
  await expectConsole(page, 'working directory: /home/user');
  await expect(page.getByTestId('args')).toHaveValue("first 'two words' --flag");
  const link = await shareLink(page);
  expect(link).toContain('example=args');
  await page.getByTestId('share-copy').click();
  await expect(page.getByTestId('share-copied').or(page.getByText('did not allow copying'))).toBeVisible();

  const fresh = await openFresh(browser, baseURL!, link);
  await expectConsole(fresh.page, 'getenv("GREETING") = "Hello from the environment"');
  await expect(fresh.page.getByTestId('args')).toHaveValue("first 'two words' --flag");
  await expect(fresh.page.getByTestId('status')).toContainText(exitedWith(0));
  await expect(fresh.page.getByTestId('program-name')).toContainText('args');
  expect(fresh.errors).toEqual([]);
  await fresh.close();
  expect(errors).toEqual([]);
});

test('a dropped program travels inside the link', async ({ page, browser, baseURL }) => {
  const errors = watchErrors(page);
  await openPlayground(page);
  await openProgram(page, fixture('hello'));
  await expectConsole(page, 'Hello, world!');
  const link = await shareLink(page);
  expect(new URL(link).hash).toMatch(/^#name=hello&elf=[A-Za-z0-9_-]+$/);

  const fresh = await openFresh(browser, baseURL!, link);
  await expectConsole(fresh.page, 'Hello, world!');
  await expect(fresh.page.getByTestId('status')).toContainText(exitedWith(0));
  await expect(fresh.page.getByTestId('program-name')).toContainText('hello');
  expect(fresh.errors).toEqual([]);
  await fresh.close();
  expect(errors).toEqual([]);
});

test('arguments, environment and stdin text in a share link reach the program', async ({ page, browser, baseURL }) => {
  await openPlayground(page);
  await runExample(page, 'args');
  await expect(page.getByTestId('status')).toContainText(exitedWith(0));
  await page.getByTestId('args').fill("alpha 'b c'");
  // a short environment keeps the whole output on a small console
  await page.getByTestId('env').fill('GREETING=from-the-link');
  await page.getByTestId('cwd').fill('/tmp');
  const link = await shareLink(page);
  expect(link).toContain('args=');
  expect(link).toContain('env=');
  const fresh = await openFresh(browser, baseURL!, link);
  await expectConsole(fresh.page, 'argv[1] = "alpha"');
  await expectConsole(fresh.page, 'argv[2] = "b c"');
  await expectConsole(fresh.page, 'argc = 3');
  await expectConsole(fresh.page, 'getenv("GREETING") = "from-the-link"');
  await expectConsole(fresh.page, 'working directory: /tmp');
  await expect(fresh.page.getByTestId('args')).toHaveValue("alpha 'b c'");
  await fresh.close();

  // stdin text is typed into the console once the program runs: wordcount counts it.
  const { page: wc, errors, close } = await openFresh(browser, baseURL!, `${baseURL}?example=wordcount&stdin=${encodeURIComponent('one two two\n\u0004')}`);
  await expectConsole(wc, '1 lines, 3 words, 12 characters, 2 different words');
  await expect(wc.getByTestId('status')).toContainText(exitedWith(0));
  expect(errors).toEqual([]);
  await close();
});

test('?embed=1 shows the console and run controls, not the header', async ({ page }) => {
  const errors = watchErrors(page);
  await openPlayground(page, '?example=hello&embed=1');
  await expect(page.getByTestId('console')).toBeVisible();
  await expect(page.getByTestId('run')).toBeVisible();
  await expect(page.getByTestId('stop')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Open…' })).toHaveCount(0);
  await expect(page.getByTestId('examples-button')).toHaveCount(0);
  await expect(page.getByTestId('args')).toHaveCount(0);
  await expect(page.getByTestId('trace')).toHaveCount(0);
  await expectConsole(page, 'Hello, world!');
  await expect(page.getByTestId('status')).toContainText(exitedWith(0));
  expect(errors).toEqual([]);
});

test('an ?elf= link fetches the program it names', async ({ page }) => {
  await openPlayground(page, '?elf=' + encodeURIComponent('examples/hello') + '&args=x');
  await expectConsole(page, 'Hello, world!');
  await expect(page.getByTestId('program-name')).toContainText('hello');
  await expect(page.getByTestId('status')).toContainText(exitedWith(0));
});

test('an ?elf= link whose fetch fails says so plainly', async ({ page }) => {
  // nothing listens on port 9 of this machine: the fetch fails as one blocked by CORS would
  await openPlayground(page, '?elf=' + encodeURIComponent('http://127.0.0.1:9/hello'));
  await expect(page.getByTestId('error')).toContainText(/http:\/\/127\.0\.0\.1:9\/hello could not be fetched.*CORS/);
  await expect(page.getByTestId('program-name')).toContainText('none yet');
});

test('a link to a copy hosted elsewhere (?elf=URL) runs that copy in a fresh page', async ({ page, browser, baseURL }) => {
  const errors = watchErrors(page);
  await openPlayground(page);
  await openProgram(page, fixture('hello'));
  await expectConsole(page, 'Hello, world!');
  await page.getByTestId('share-button').click();
  // where the teacher put the file: here, the examples folder of this same site
  const hosted = new URL('examples/hello', baseURL).href;
  await page.getByTestId('share-elf-url').fill(hosted);
  await expect(page.getByTestId('share-link')).toHaveValue(new RegExp(`\\?elf=${encodeURIComponent(hosted).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
  const link = await page.getByTestId('share-link').inputValue();
  expect(new URL(link).hash).toBe('');

  const fresh = await openFresh(browser, baseURL!, link);
  await expectConsole(fresh.page, 'Hello, world!');
  await expect(fresh.page.getByTestId('program-name')).toContainText('hello');
  expect(fresh.errors).toEqual([]);
  await fresh.close();
  expect(errors).toEqual([]);
});

test('a program too big for a link says so and offers the ?elf= way', async ({ page }) => {
  const errors = watchErrors(page);
  await openPlayground(page);
  // hello followed by 700 KiB that do not compress: still a program that runs
  const big = Buffer.concat([readFileSync(fixture('hello')), randomBytes(700 * 1024)]);
  await page.getByTestId('open-file').setInputFiles({ name: 'big-hello', mimeType: 'application/octet-stream', buffer: big });
  await expectConsole(page, 'Hello, world!');
  await page.getByTestId('share-button').click();
  await expect(page.getByTestId('share-too-big')).toContainText(/This program is [\d.]+ KiB compressed, more than a link can carry \(512\.0 KiB\)/);
  await expect(page.getByTestId('share-link')).toHaveValue('');
  await expect(page.getByTestId('share-copy')).toBeDisabled();
  await expect(page.getByTestId('share-elf-url')).toBeVisible();
  expect(errors).toEqual([]);
});

test('a long embedded link carries a word of warning', async ({ page }) => {
  await openPlayground(page);
  await openProgram(page, fixture('hello'));
  await expectConsole(page, 'Hello, world!');
  const link = await shareLink(page);
  expect(link.length).toBeGreaterThan(64 * 1024);
  await expect(page.getByTestId('share-panel')).toContainText(/The link is [\d.]+ KiB long: some mail and chat programs cut long links short/);
});
