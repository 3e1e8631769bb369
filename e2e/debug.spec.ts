// The debugger: breakpoints by symbol and by clicking a disassembly line, step into / over / out
// (buttons and the F10/F11 keys), registers that change, and the memory view. The fixture
// e2e/fixtures/debugme (assembly, built with its symbols) prints a line, then loops forever:
//   loop: mov x0, x19 (0x4000ec); bl add_one (0x4000f0); mov x19, x0 (0x4000f4); b loop
//   add_one: add x0, x0, #1 (0x4000fc); ret (0x400100)
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { expectConsole, openPlayground, openProgram } from './helpers';

const debugme = join(import.meta.dirname, 'fixtures', 'debugme');
const reg = (page: Page, name: string) => page.getByTestId(`reg-${name}`);
/** The memory view's ASCII column, its rows joined (8 or 16 bytes a row, as the column's width allows). */
const memoryAscii = (page: Page) => page.locator('.mem-ascii').allTextContents().then((rows) => rows.join(''));
const line = (page: Page, addr: string) => page.locator(`[data-testid="disasm-line"][data-addr="${addr}"]`);

async function expectPausedAt(page: Page, addr: string, reason = /breakpoint|step/) {
  await expect(page.getByTestId('debug-status')).toContainText(new RegExp(`paused \\((${reason.source})\\) at ${addr}$`));
}

const pageErrors = new WeakMap<Page, string[]>();

test.beforeEach(async ({ page }) => {
  const errors: string[] = [];
  pageErrors.set(page, errors);
  page.on('pageerror', (error) => errors.push(String(error)));
  await openPlayground(page);
  await openProgram(page, debugme);
  await expectConsole(page, 'debugme ready');
  await page.getByTestId('side-debugger').click();
});

test.afterEach(async ({ page }) => {
  expect(pageErrors.get(page), 'errors in the page').toEqual([]);
});

test('a breakpoint by symbol stops there; stepping moves PC and changes registers', async ({ page }) => {
  await page.getByTestId('tab-disasm').click();
  await page.getByTestId('breakpoint-input').fill('add_one');
  await page.getByTestId('breakpoint-input').press('Enter');
  await expectPausedAt(page, '0x4000fc', /breakpoint/);
  await expect(line(page, '0x4000fc')).toHaveAttribute('data-current', 'true');
  await expect(page.locator('.dis-label', { hasText: '<add_one>:' })).toBeVisible();
  await expect(line(page, '0x4000f0')).toContainText('bl 4000fc <add_one>');

  await page.getByTestId('tab-registers').click();
  await expect(reg(page, 'PC')).toHaveText('00000000004000fc');
  const x0 = parseInt((await reg(page, 'X0').textContent())!, 16);

  await page.getByTestId('step').click();
  await expectPausedAt(page, '0x400100', /step/);
  await expect(reg(page, 'PC')).toHaveText('0000000000400100');
  await expect(reg(page, 'X0')).toHaveText((x0 + 1).toString(16).padStart(16, '0'));
  // what changed since the last stop is highlighted
  await expect(page.locator('.reg-changed').filter({ has: reg(page, 'X0') })).toHaveCount(1);
  await expect(page.locator('.reg-changed').filter({ has: reg(page, 'SP') })).toHaveCount(0);

  await page.getByTestId('step-out').click();
  await expectPausedAt(page, '0x4000f4', /step/);
  await expect(reg(page, 'PC')).toHaveText('00000000004000f4');

  // continue: the breakpoint again, one call later
  await page.getByTestId('continue').click();
  await expectPausedAt(page, '0x4000fc', /breakpoint/);
  await expect(reg(page, 'X0')).toHaveText((x0 + 1).toString(16).padStart(16, '0'));

  // a register edited while paused
  await reg(page, 'X0').click();
  await page.getByLabel('new value of X0').fill('0x41');
  await page.getByLabel('new value of X0').press('Enter');
  await expect(reg(page, 'X0')).toHaveText('0000000000000041');
});

test('a breakpoint set by clicking a disassembly line; F11 and F10 step, over the call', async ({ page }) => {
  await page.getByTestId('pause').click();
  await expect(page.getByTestId('debug-status')).toContainText(/paused \(pause\) at 0x4000/);
  await page.getByTestId('tab-disasm').click();
  await line(page, '0x4000ec').getByTestId('disasm-gutter').click();
  await expect(page.getByRole('list', { name: 'breakpoints' })).toContainText('0x4000ec');
  await page.getByTestId('continue').click();
  await expectPausedAt(page, '0x4000ec', /breakpoint/);

  await page.keyboard.press('F11');
  await expectPausedAt(page, '0x4000f0', /step/);
  await page.keyboard.press('F10');
  await expectPausedAt(page, '0x4000f4', /step/);
  await expect(line(page, '0x4000f4')).toHaveAttribute('data-current', 'true');

  // continue to cursor: pick the `b loop` line
  await line(page, '0x4000f8').click();
  await page.getByTestId('run-to-cursor').click();
  await expectPausedAt(page, '0x4000f8', /step/);

  // the memory view: go to the message, then to the stack pointer
  await page.getByTestId('tab-memory').click();
  await page.getByTestId('memory-goto').fill('0x400104');
  await page.getByTestId('memory-goto').press('Enter');
  // from 0x400100: `ret` (c0 03 5f d6), then the text
  await expect.poll(() => memoryAscii(page)).toContain('.debugme ready.');
  await page.getByTestId('memory-goto').fill('sp');
  await page.getByTestId('memory-goto').press('Enter');
  await expect(page.getByTestId('memory')).toContainText(/ffff/);
  await expect(page.getByTestId('memory-maps')).toContainText('[stack]');

  // a pointer in the syscall trace opens in the memory view (write(1, 0x400104, 14))
  await page.getByTestId('side-settings').click();
  const pointer = page.getByTestId('trace').getByRole('button', { name: '0x400104' }).first();
  await expect(async () => {
    await pointer.click();
    await expect(page.getByTestId('memory')).toBeVisible({ timeout: 2000 });
  }).toPass();
  await expect.poll(() => memoryAscii(page)).toContain('.debugme ready.');
});
