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
/** The memory view's bytes in hex, from its first row on. */
const memoryBytes = (page: Page) => page.getByTestId('mem-byte').allTextContents();
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

test('registers are edited while paused: X, SP, PC, a flag, V registers as hex and as lanes', async ({ page }) => {
  await page.getByTestId('breakpoint-input').fill('add_one');
  await page.getByTestId('breakpoint-input').press('Enter');
  await expectPausedAt(page, '0x4000fc', /breakpoint/);
  await page.getByTestId('tab-registers').click();
  await expect(page.getByTestId('pc-symbol')).toHaveText('<add_one>');
  await expect(page.getByTestId('debug-thread')).toHaveText(/^thread \d+$/);

  const edit = async (name: string, value: string) => {
    await reg(page, name).click();
    await page.getByLabel(`new value of ${name}`).fill(value);
    await page.getByLabel(`new value of ${name}`).press('Enter');
  };
  await edit('X2', '-1');
  await expect(reg(page, 'X2')).toHaveText('ffffffffffffffff');
  const sp = parseInt((await reg(page, 'SP').textContent())!, 16);
  await edit('SP', '0x' + (sp - 16).toString(16));
  await expect(reg(page, 'SP')).toHaveText((sp - 16).toString(16).padStart(16, '0'));
  await edit('SP', String(sp));

  // a flag flips with a click
  await expect(page.getByTestId('flag-Z')).toHaveAttribute('aria-pressed', 'false');
  await page.getByTestId('flag-Z').click();
  await expect(page.getByTestId('flag-Z')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('flag-Z')).toHaveText('Z');
  await expect(page.getByTestId('reg-NZCV')).toHaveAttribute('aria-label', /flags nZcv/);

  // V registers: hex, then float and integer lanes in the format shown
  await edit('V1', '0x0102');
  await expect(reg(page, 'V1')).toHaveText('0x00000000000000000000000000000102');
  await page.getByTestId('vreg-format').selectOption('f32');
  await edit('V1', '{1.5, -2, 0.1, inf}');
  await expect(reg(page, 'V1')).toHaveText('{1.5, -2, 0.1, inf}');
  await page.getByTestId('vreg-format').selectOption('hex');
  await expect(reg(page, 'V1')).toHaveText('0x7f8000003dcccccdc00000003fc00000');
  await page.getByTestId('vreg-format').selectOption('i16');
  await edit('V1', '{1, -1, 2, -2, 3, -3, 32767, -32768}');
  await expect(reg(page, 'V1')).toHaveText('{1, -1, 2, -2, 3, -3, 32767, -32768}');
  await page.getByTestId('vreg-format').selectOption('f64');
  await edit('V2', '{0.1, 1e300}');
  await expect(reg(page, 'V2')).toHaveText('{0.1, 1e+300}');
  // a value that does not fit says so, and changes nothing
  await page.getByTestId('vreg-format').selectOption('i8');
  await edit('V2', '{300, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}');
  await expect(page.getByTestId('error')).toContainText('V2: lane 0: 300 does not fit in 8 bits');

  // PC: back to the loop's first instruction; the disassembly follows it
  await edit('PC', '0x4000ec');
  await expect(reg(page, 'PC')).toHaveText('00000000004000ec');
  await expect(page.getByTestId('pc-symbol')).toHaveText('<loop>'); // the label, as objdump names 0x4000ec
  await page.getByTestId('tab-disasm').click();
  await expect(line(page, '0x4000ec')).toHaveAttribute('data-current', 'true');
  // X0 = 41, then run to add_one's breakpoint: x19 (= 41) goes into x0 first
  await page.getByTestId('tab-registers').click();
  await edit('X19', '41');
  await page.keyboard.press('F5');
  await expectPausedAt(page, '0x4000fc', /breakpoint/);
  await expect(reg(page, 'X0')).toHaveText((41).toString(16).padStart(16, '0'));
});

test('the keys are listed beside the buttons; F5 continues and Shift+F11 steps out', async ({ page }) => {
  const toolbar = page.getByRole('toolbar', { name: 'stepping' });
  await expect(page.getByTestId('continue')).toContainText('F5');
  await expect(page.getByTestId('step-over')).toContainText('F10');
  await expect(page.getByTestId('step')).toContainText('F11');
  await expect(page.getByTestId('step-out')).toContainText('⇧F11');
  await expect(page.getByTestId('step-out')).toHaveAttribute('title', /Shift\+F11/);
  await expect(toolbar.getByRole('button')).toHaveCount(5);

  await page.getByTestId('breakpoint-input').fill('add_one');
  await page.getByTestId('breakpoint-input').press('Enter');
  await expectPausedAt(page, '0x4000fc', /breakpoint/);
  await page.keyboard.press('Shift+F11');
  await expectPausedAt(page, '0x4000f4', /step/);
  await page.keyboard.press('F5');
  await expectPausedAt(page, '0x4000fc', /breakpoint/);
  // removing the breakpoint by its × lets it run
  await page.getByRole('list', { name: 'breakpoints' }).getByRole('button', { name: 'remove breakpoint at 0x4000fc' }).click();
  await expect(page.getByRole('list', { name: 'breakpoints' })).toHaveCount(0);
  await page.keyboard.press('F5');
  await expect(page.getByTestId('debug-status')).toHaveText('running');
  // not paused: F-keys are the browser's again (nothing happens to the program)
  await page.getByTestId('pause').click();
  await expect(page.getByTestId('debug-status')).toContainText(/paused \(pause\)/);
});

test('the memory view: go to a symbol, a register or a mapping; bytes are edited while paused', async ({ page }) => {
  await page.getByTestId('pause').click();
  await expect(page.getByTestId('debug-status')).toContainText(/paused \(pause\)/);
  await page.getByTestId('tab-memory').click();
  const goTo = async (where: string) => {
    await page.getByTestId('memory-goto').fill(where);
    await page.getByTestId('memory-goto').press('Enter');
  };
  const firstRow = () => page.getByTestId('mem-row').first();

  // a symbol: add_one's two instructions, add x0, x0, #1 (91000400) and ret (d65f03c0)
  await goTo('add_one');
  await expect(firstRow()).toHaveAttribute('data-addr', '4000f0');
  await expect.poll(async () => (await memoryBytes(page)).slice(12, 20).join(' ')).toBe('00 04 00 91 c0 03 5f d6');

  // a register: x1 still points at the message written at start
  await goTo('x1');
  await expect(firstRow()).toHaveAttribute('data-addr', '400100');
  await expect.poll(() => memoryAscii(page)).toContain('debugme ready');

  // the mappings, as /proc/self/maps lists them: jump to the stack
  const maps = page.getByTestId('memory-maps');
  const stack = maps.locator('option', { hasText: '[stack]' });
  await expect(stack).toHaveCount(1);
  const stackText = (await stack.textContent())!;
  expect(stackText).toMatch(/^[0-9a-f]{8,}-[0-9a-f]{8,} rw-p \[stack\]$/);
  await maps.selectOption({ label: stackText });
  await expect(firstRow()).toHaveAttribute('data-addr', stackText.split('-')[0]!.replace(/^0+/, ''));

  // edit the stack's first byte, then read it back
  const byte = firstRow().getByTestId('mem-byte').first();
  await byte.click();
  const input = page.getByLabel(/^byte at 0x/);
  await input.fill('a5');
  await input.press('Enter');
  await expect(firstRow().getByTestId('mem-byte').first()).toHaveText('a5');
  // read-only code cannot be written
  await goTo('add_one');
  await expect(firstRow()).toHaveAttribute('data-addr', '4000f0');
  await page.getByTestId('mem-byte').nth(12).click();
  await page.getByLabel('byte at 0x4000fc').fill('00');
  await page.getByLabel('byte at 0x4000fc').press('Enter');
  await expect(page.getByTestId('error')).toContainText('EFAULT: 0x4000fc is not writable');
  // a name that is nothing says so
  await goTo('no_such_thing');
  await expect(page.getByTestId('error')).toContainText('no_such_thing is neither an address, a register nor a symbol');
});
