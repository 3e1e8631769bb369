// The files panel and the syscall trace panel: upload a file, run a program that reads it and
// writes another, see that file appear and download it, find uploaded files again after a reload;
// the trace panel lists the syscalls of a run and its filter narrows them. Driven through the
// data-testids files, file-entry (data-path), file-upload, file-download, new-folder,
// new-folder-name, trace, trace-filter, trace-line.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { expectConsole, exitedWith, openPlayground, openProgram } from './helpers';

const root = join(import.meta.dirname, '..');
// e2e/fixtures/upcase.c: reads input.txt, writes it upper-cased to output.txt (in its working directory)
const upcase = join(root, 'e2e', 'fixtures', 'upcase');
const hello = join(root, 'tests', 'guest', 'bin', 'hello');

const entry = (page: Page, path: string) => page.locator(`[data-testid="file-entry"][data-path="${path}"]`);

/** The paths saved in IndexedDB for the next visit (persist.ts). */
const savedPaths = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<string[]>((resolve) => {
        const r = indexedDB.open('a64play', 1);
        r.onupgradeneeded = () => r.result.createObjectStore('files');
        r.onerror = () => resolve([]);
        r.onsuccess = () => {
          const get = r.result.transaction('files', 'readonly').objectStore('files').get('home');
          get.onsuccess = () => {
            const value = get.result as { entries: { path: string }[] } | undefined;
            r.result.close();
            resolve(value ? value.entries.map((e) => e.path) : []);
          };
          get.onerror = () => resolve([]);
        };
      }),
  );

test.beforeEach(async ({ page }) => {
  await openPlayground(page);
  await expect(page.getByTestId('files')).toBeVisible();
});

test('upload a file, a program reads it and writes another, download it; files survive a reload', async ({ page }) => {
  const text = 'Hello from the files panel\nsecond line\n';
  await page.getByTestId('file-upload').setInputFiles({ name: 'input.txt', mimeType: 'text/plain', buffer: Buffer.from(text) });
  await expect(entry(page, '/home/user/input.txt')).toBeVisible();

  await openProgram(page, upcase);
  await expectConsole(page, `upcase: wrote ${text.length} bytes to output.txt`);
  await expect(page.getByTestId('status')).toContainText(exitedWith(0));
  const output = entry(page, '/home/user/output.txt');
  await expect(output).toBeVisible();

  const [download] = await Promise.all([page.waitForEvent('download'), output.getByTestId('file-download').click()]);
  expect(download.suggestedFilename()).toBe('output.txt');
  expect(readFileSync(await download.path(), 'utf8')).toBe(text.toUpperCase());

  // a new folder
  await page.getByTestId('new-folder').click();
  await page.getByTestId('new-folder-name').fill('notes');
  await page.getByTestId('new-folder-name').press('Enter');
  await expect(entry(page, '/home/user/notes')).toBeVisible();

  // saved for the next visit: the user's files, not the program that ran
  await expect.poll(() => savedPaths(page)).toEqual(expect.arrayContaining(['/home/user/input.txt', '/home/user/output.txt', '/home/user/notes']));
  expect(await savedPaths(page)).not.toContain('/home/user/upcase');

  await page.reload();
  await page.waitForFunction(() => window.crossOriginIsolated === true, null, { timeout: 20_000 });
  await expect(entry(page, '/home/user/input.txt')).toBeVisible();
  await expect(entry(page, '/home/user/output.txt')).toBeVisible();
  await expect(entry(page, '/home/user/notes')).toBeVisible();
  await expect(entry(page, '/home/user/upcase')).toHaveCount(0);

  // deleting is kept too
  page.once('dialog', (dialog) => void dialog.accept());
  await entry(page, '/home/user/input.txt').getByTestId('file-delete').click();
  await expect(entry(page, '/home/user/input.txt')).toHaveCount(0);
  await expect.poll(() => savedPaths(page)).not.toContain('/home/user/input.txt');
});

test('a file dropped on the files panel is uploaded, not run', async ({ page }) => {
  const dataTransfer = await page.evaluateHandle(() => {
    const transfer = new DataTransfer();
    transfer.items.add(new File(['some data\n'], 'dropped.txt', { type: 'text/plain' }));
    return transfer;
  });
  const panel = page.getByTestId('files');
  await panel.dispatchEvent('dragenter', { dataTransfer });
  await panel.dispatchEvent('dragover', { dataTransfer });
  await panel.dispatchEvent('drop', { dataTransfer });
  await expect(entry(page, '/home/user/dropped.txt')).toBeVisible();
  await expect(page.getByTestId('error')).toHaveCount(0);
});

test('the trace panel lists the syscalls of a run; the filter narrows them', async ({ page }) => {
  await openProgram(page, hello);
  await expectConsole(page, 'Hello, world!');
  await expect(page.getByTestId('status')).toContainText(exitedWith(0));
  const lines = page.getByTestId('trace-line');
  // stdout is the terminal, so line-buffered: one write per line ("Hello, world!\n" is 14 bytes);
  // the -strace format prints the buffer's address, as qemu's -strace does
  await expect(lines.filter({ hasText: /^\d+ write\(1,0x[0-9a-f]+,14\) = 14$/ })).toHaveCount(1);
  await expect(lines.filter({ hasText: /exit_group\(0\)/ })).toHaveCount(1);
  const total = await lines.count();
  expect(total).toBeGreaterThan(5);

  await page.getByTestId('trace-filter').fill('write');
  await expect.poll(() => lines.count()).toBeLessThan(total);
  const shown = await lines.allTextContents();
  expect(shown.length).toBeGreaterThanOrEqual(2);
  for (const line of shown) expect(line).toMatch(/^\d+ write\(/);

  await page.getByTestId('trace-filter').fill('exit_group');
  await expect(lines).toHaveCount(1);
  // names separated by commas: exactly those syscalls
  await page.getByTestId('trace-filter').fill('write, exit_group');
  await expect.poll(() => lines.count()).toBeGreaterThanOrEqual(3);
  for (const line of await lines.allTextContents()) expect(line).toMatch(/^\d+ (write|exit_group)\(/);
  await expect(page.getByTestId('trace-count')).toContainText(/^\d+ of \d+ lines/);
  await page.getByTestId('trace-filter').fill('');
  await expect(lines).toHaveCount(total);
});

test('tracing can be switched off for the next runs, and on again', async ({ page }) => {
  await page.getByTestId('trace-enabled').uncheck();
  await openProgram(page, hello);
  await expect(page.getByTestId('status')).toContainText(exitedWith(0));
  await expect(page.getByTestId('trace')).toContainText('Tracing is off.');
  await expect(page.getByTestId('trace-line')).toHaveCount(0);
  await page.getByTestId('trace-enabled').check();
  await page.getByTestId('restart').click();
  await expect(page.getByTestId('status')).toContainText(exitedWith(0));
  await expect(page.getByTestId('trace-line').filter({ hasText: /exit_group\(0\)/ })).toHaveCount(1);
});
