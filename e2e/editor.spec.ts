// The assembly editor: type a program, see the assembler's errors as squiggles, Assemble & Run,
// set a breakpoint in the gutter and step with the current line following, follow a share link
// with the source in a fresh page, keep the text over a reload, download the executable.
import { expect, test, type Page } from '@playwright/test';
import { expectConsole, foreignRequests, openPlayground, recordRequests } from './helpers';

const editor = (page: Page) => page.getByTestId('asm-editor');

/** Replaces the editor's text by typing (lines without indentation: Monaco keeps the previous line's). */
async function typeProgram(page: Page, lines: string[]): Promise<void> {
  await editor(page).locator('.view-lines').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  for (const line of lines) {
    await page.keyboard.type(line);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Home');
  }
}

/** The editor's text as Monaco shows it. */
async function editorText(page: Page): Promise<string> {
  return editor(page).locator('.view-lines').evaluate((el) => (el as HTMLElement).innerText.replace(/\u00a0/g, ' '));
}

async function openStarter(page: Page, name: string): Promise<void> {
  await page.getByTestId('examples-button').click();
  await page.locator(`[data-testid="starter-card"][data-name="${name}"]`).getByRole('button').click();
  await expect(editor(page).locator('.monaco-editor')).toBeVisible({ timeout: 30_000 });
}

/** Clicks the line number `n` in the editor's gutter (scrolling it into view first). */
async function clickLineNumber(page: Page, n: number): Promise<void> {
  await editor(page).locator('.view-lines').click();
  await page.keyboard.press('ControlOrMeta+Home');
  for (let i = 1; i < n; i++) await page.keyboard.press('ArrowDown');
  await editor(page).locator('.line-numbers', { hasText: new RegExp(`^${n}$`) }).click();
}

test('a typed program assembles, runs, and its errors are shown while typing', async ({ page }) => {
  await openPlayground(page);
  await page.getByTestId('asm-open').click();
  await expect(editor(page).locator('.monaco-editor')).toBeVisible({ timeout: 30_000 });
  await typeProgram(page, [
    '.global _start',
    '_start:',
    'mov x0, #1',
    'adr x1, text',
    'mov x2, #len',
    'mov x8, #64',
    'svc #0',
    'mov x0, #7',
    'mov x8, #93',
    'svc #0',
    'text: .ascii "typed in the browser\\n"',
    'len = . - text',
  ]);
  await expect(page.getByTestId('asm-status')).toHaveText('no errors');
  await page.getByTestId('asm-run').click();
  await expectConsole(page, 'typed in the browser');
  await expect(page.getByTestId('exit-status')).toContainText('7');

  // a mistake: squiggled, counted, and Assemble & Run says what and where instead of running
  await editor(page).locator('.view-lines').click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type('mvo x3, x4');
  await expect(page.getByTestId('asm-status')).toHaveText('1 error');
  await expect(editor(page).locator('.squiggly-error')).toHaveCount(1);
  await page.getByTestId('asm-run').click();
  await expect(page.getByText(/1 error, nothing was run — line 13: unknown instruction 'mvo' \(did you mean mov/)).toBeVisible();
});

test('a breakpoint set in the gutter stops the program; stepping moves the highlighted line', async ({ page }) => {
  await openPlayground(page);
  await openStarter(page, 'loop');
  const source = (await (await page.request.get('examples/asm/loop.s')).text()).split('\n');
  const addLine = source.findIndex((l) => /^1:\s+add\s+x19, x19, x20/.test(l)) + 1;
  expect(addLine).toBeGreaterThan(0);
  await clickLineNumber(page, addLine);
  await expect(editor(page).locator('.a64-breakpoint')).toHaveCount(1);
  await expect(page.getByRole('region', { name: 'Assembly editor' })).toHaveAttribute('data-breakpoint-lines', String(addLine));
  await page.getByTestId('asm-run').click();
  await expect(page.getByTestId('status')).toHaveAttribute('data-state', 'paused', { timeout: 30_000 });
  await expect(editor(page).locator('.a64-current-line')).toHaveCount(1);
  // the panel names the highlighted line; its text is the source's
  const panel = page.getByRole('region', { name: 'Assembly editor' });
  const lineOf = async () => {
    const n = Number(await panel.getAttribute('data-current-line'));
    return n > 0 ? source[n - 1]! : '';
  };
  await expect.poll(lineOf).toMatch(/add\s+x19, x19, x20/);
  await page.keyboard.press('F10');
  await expect.poll(lineOf).toMatch(/add\s+x20, x20, #1/);
  await page.keyboard.press('F10');
  await expect.poll(lineOf).toMatch(/cmp\s+x20, #100/);
  // the registers say the same: x20 is now 2, x19 1
  await page.getByRole('tab', { name: 'Debugger' }).click();
  await page.getByRole('tab', { name: 'Registers' }).click();
  await expect(page.getByTestId('reg-X20')).toHaveText(/^(0x)?0*2$/);
  await expect(page.getByTestId('reg-X19')).toHaveText(/^(0x)?0*1$/);
  // F5 runs on to the breakpoint again, on the loop's next round
  await page.keyboard.press('F5');
  await expect.poll(lineOf).toMatch(/add\s+x19, x19, x20/);
  await expect(page.getByTestId('reg-X19')).toHaveText(/^(0x)?0*1$/);
  await expect(page.getByTestId('reg-X20')).toHaveText(/^(0x)?0*2$/);
});

test('a share link carries the source: a fresh page opens it in the editor, ready to run', async ({ page, browser, baseURL }) => {
  await openPlayground(page);
  await openStarter(page, 'hello');
  await editor(page).locator('.view-lines').click();
  await page.keyboard.press('ControlOrMeta+Home');
  await page.keyboard.type('// shared by a teacher\n');
  await page.getByTestId('share-button').click();
  const field = page.getByTestId('share-link');
  await expect(field).not.toHaveValue('', { timeout: 30_000 });
  const link = await field.inputValue();
  expect(link).toMatch(/#name=hello\.s&asm=/);

  const context = await browser.newContext({ baseURL });
  try {
    const fresh = await context.newPage();
    await fresh.goto(link);
    await fresh.waitForFunction(() => window.crossOriginIsolated === true, null, { timeout: 20_000 });
    await expect(fresh.getByTestId('asm-name')).toHaveText('hello.s', { timeout: 30_000 });
    await expect.poll(() => editorText(fresh)).toContain('// shared by a teacher');
    await fresh.getByTestId('asm-run').click();
    await expectConsole(fresh, 'Hello, world!');
  } finally {
    await context.close();
  }
});

test('the text survives a reload, and the built program can be downloaded', async ({ page }) => {
  await openPlayground(page);
  await openStarter(page, 'simd');
  await editor(page).locator('.view-lines').click();
  await page.keyboard.press('ControlOrMeta+Home');
  await page.keyboard.type('// my notes\n');
  await expect.poll(() => editorText(page)).toContain('// my notes');
  await page.waitForTimeout(300);
  await page.reload();
  await page.waitForFunction(() => window.crossOriginIsolated === true, null, { timeout: 20_000 });
  await expect(page.getByTestId('asm-name')).toHaveText('simd.s', { timeout: 30_000 });
  await expect.poll(() => editorText(page)).toContain('// my notes');

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('asm-download').click()]);
  expect(download.suggestedFilename()).toBe('simd');
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  const elf = Buffer.concat(chunks);
  expect(elf.subarray(0, 4).toString('latin1')).toBe('\x7fELF');
  expect(elf.readUInt16LE(18)).toBe(183); // EM_AARCH64
  expect(elf.readUInt16LE(16)).toBe(2); // ET_EXEC
});

test('completion offers mnemonics and directives; hovering a mnemonic explains it and its operand forms', async ({ page, context, baseURL }) => {
  // Monaco, its worker and its icon font come from the site itself
  const requests = recordRequests(context);
  await openPlayground(page);
  await page.getByTestId('asm-open').click();
  await expect(editor(page).locator('.monaco-editor')).toBeVisible({ timeout: 30_000 });
  await typeProgram(page, ['_start:']);
  await page.keyboard.type('ldp');
  await page.keyboard.press('Control+Space');
  const suggest = editor(page).locator('.suggest-widget');
  await expect(suggest).toBeVisible();
  await expect(suggest.locator('.monaco-list-row').first()).toContainText('ldp');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Enter');
  await page.keyboard.type('.asc');
  await page.keyboard.press('Control+Space');
  await expect(suggest.locator('.monaco-list-row', { hasText: '.ascii' })).toBeVisible();
  await expect(suggest.locator('.monaco-list-row', { hasText: '.asciz' })).toBeVisible();
  await page.keyboard.press('Escape');

  // hover the `ldp` typed on line 2
  await editor(page).locator('.view-line > span > span', { hasText: /^ldp$/ }).hover();
  const hover = page.locator('.monaco-hover').filter({ hasText: 'ldp' });
  await expect(hover).toBeVisible();
  await expect(hover).toContainText(/pair/i);
  await expect(hover).toContainText(/ldp .*\[/);
  expect(requests.some((u) => /monacoFeatures|editor\.worker/.test(u))).toBe(true);
  expect(foreignRequests(requests, baseURL!)).toEqual([]);
});

test('?embed=1 with a source link: no editor, and Run assembles and runs the program', async ({ page, browser, baseURL }) => {
  await openPlayground(page);
  await openStarter(page, 'loop');
  await page.getByTestId('share-button').click();
  await page.getByTestId('share-embed').check();
  const field = page.getByTestId('share-link');
  await expect(field).toHaveValue(/embed=1.*#name=loop\.s&asm=/, { timeout: 30_000 });
  const link = await field.inputValue();
  const context = await browser.newContext({ baseURL });
  try {
    const fresh = await context.newPage();
    await fresh.goto(link);
    await fresh.waitForFunction(() => window.crossOriginIsolated === true, null, { timeout: 20_000 });
    await expect(fresh.getByTestId('program-name')).toHaveText('loop', { timeout: 30_000 });
    await expect(fresh.getByTestId('asm-editor')).toHaveCount(0);
    await fresh.getByTestId('run').click();
    await expectConsole(fresh, '5050');
  } finally {
    await context.close();
  }
});

test('with the editor open, Run on another program (an example from a link) runs that program', async ({ page }) => {
  await openPlayground(page);
  await openStarter(page, 'loop');
  await expect.poll(() => editorText(page)).toContain('Loops and conditions');
  await page.waitForTimeout(300); // the text is kept in localStorage
  await openPlayground(page, '?example=hello');
  await expect(page.getByTestId('asm-name')).toHaveText('loop.s', { timeout: 30_000 });
  await expectConsole(page, 'Hello, world!');
  await expect(page.getByTestId('status')).toHaveAttribute('data-state', 'exited', { timeout: 30_000 });
  await page.getByTestId('run').click();
  // had Run assembled the editor's file, the program would now be `loop` and print 5050
  await expect(page.getByTestId('status')).toHaveAttribute('data-state', 'exited', { timeout: 30_000 });
  await expectConsole(page, 'Hello, world!');
  await expect(page.getByTestId('program-name')).toHaveText('hello');
  expect(await page.getByTestId('console').innerText()).not.toContain('5050');
});
