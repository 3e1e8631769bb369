// Readable at 1366x768 and on a laptop projector (1280x720 with the browser zoomed to 125%, so
// 1024x576 CSS pixels at a device scale of 1.25): while paused in the debugger, the place where
// the program stopped, the registers, the memory rows and the stepping buttons are whole (not
// cut off, no text under 12 px), the code around PC shows enough lines, and the console keeps its
// rows. In the short window the syscall trace and files are tabs of the right column; on a wide
// screen memory rows hold 16 bytes.
import { join } from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { expectConsole, openPlayground, openProgram } from './helpers';

const debugme = join(import.meta.dirname, 'fixtures', 'debugme');

/** Nothing inside the element is cut off horizontally, and its text is at least `px` pixels. */
async function expectWhole(locator: Locator, px = 12): Promise<void> {
  const m = await locator.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth, font: parseFloat(getComputedStyle(el).fontSize) }));
  expect(m.scroll, 'cut off').toBeLessThanOrEqual(m.client);
  expect(m.font, 'font size').toBeGreaterThanOrEqual(px);
}

/** The element lies inside `outer` (both as laid out on the page). */
async function expectInside(inner: Locator, outer: Locator): Promise<void> {
  const a = (await inner.boundingBox())!;
  const b = (await outer.boundingBox())!;
  expect(a.x).toBeGreaterThanOrEqual(b.x - 0.5);
  expect(a.y).toBeGreaterThanOrEqual(b.y - 0.5);
  expect(a.x + a.width).toBeLessThanOrEqual(b.x + b.width + 0.5);
  expect(a.y + a.height).toBeLessThanOrEqual(b.y + b.height + 0.5);
}

const consoleSize = async (page: Page) => {
  const [cols, rows] = (await page.locator('.console-panel .panel-meta').textContent())!.split('×').map(Number);
  return { cols: cols!, rows: rows! };
};

async function pausedAtAddOne(page: Page): Promise<void> {
  await openPlayground(page);
  await openProgram(page, debugme);
  await expectConsole(page, 'debugme ready');
  await page.getByTestId('side-debugger').click();
  await page.getByTestId('breakpoint-input').fill('add_one');
  await page.getByTestId('breakpoint-input').press('Enter');
  await expect(page.getByTestId('debug-status')).toHaveText('paused (breakpoint) at 0x4000fc');
}

async function expectReadableDebugger(page: Page, minCodeLines: number): Promise<void> {
  const panel = page.getByRole('region', { name: 'debugger' });
  // where it stopped, whole, with the symbol
  await expectWhole(page.getByTestId('debug-status'));
  await expectInside(page.getByTestId('debug-status'), panel);
  await expect(page.locator('.debug-where-sym')).toHaveText('<add_one>');
  for (const button of await page.getByRole('toolbar', { name: 'stepping' }).getByRole('button').all()) await expectInside(button, panel);

  // the code around PC
  const lines = page.getByTestId('disasm-line');
  await expect(lines.first()).toBeVisible();
  await expectWhole(page.locator('.disasm-lines'));
  const box = (await page.locator('.disasm-lines').boundingBox())!;
  let visible = 0;
  for (const l of await lines.all()) {
    const b = await l.boundingBox();
    if (b && b.y >= box.y && b.y + b.height <= box.y + box.height) visible++;
  }
  expect(visible, 'code lines in view').toBeGreaterThanOrEqual(minCodeLines);
  await expectInside(page.locator('[data-testid="disasm-line"][data-current="true"]'), page.locator('.disasm-lines'));

  // the registers: every value whole
  await page.getByTestId('tab-registers').click();
  for (const name of ['PC', 'SP', ...Array.from({ length: 31 }, (_, n) => `X${n}`), 'FPCR', 'FPSR', 'TPIDR', 'V0']) {
    const value = page.getByTestId(`reg-${name}`);
    await expectWhole(value);
  }
  await expectInside(page.getByTestId('reg-PC'), panel);
  await expectInside(page.getByTestId('reg-NZCV'), panel);

  // the memory rows: addresses, bytes and characters all in view
  await page.getByTestId('tab-memory').click();
  await page.getByTestId('memory-goto').fill('0x400100');
  await page.getByTestId('memory-goto').press('Enter');
  await expect(page.getByTestId('mem-row').first()).toHaveAttribute('data-addr', '400100');
  await expectWhole(page.locator('.memory-rows'));
  await expectInside(page.locator('.mem-ascii').first(), panel);
}

test('at 1366x768: the debugger column runs the full height; trace and files sit under the console', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await pausedAtAddOne(page);
  await expect(page.getByTestId('trace')).toBeVisible();
  await expect(page.getByTestId('files')).toBeVisible();
  await expect(page.getByTestId('side-trace')).toHaveCount(0);
  const size = await consoleSize(page);
  expect(size.cols).toBeGreaterThanOrEqual(80);
  expect(size.rows).toBeGreaterThanOrEqual(18);
  await expectReadableDebugger(page, 14);
  await expect(page.getByTestId('memory')).toHaveAttribute('data-per-row', '8');
});

test('on a wide screen the memory rows hold 16 bytes', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await pausedAtAddOne(page);
  await expectReadableDebugger(page, 24);
  await expect(page.getByTestId('memory')).toHaveAttribute('data-per-row', '16');
  await expect(page.locator('.mem-ascii').first()).toHaveText('.._.debugme read');
});

test.describe('on a projector: 1280x720 zoomed to 125%', () => {
  test.use({ viewport: { width: 1024, height: 576 }, deviceScaleFactor: 1.25 });

  test('the trace and files become tabs; console and debugger keep their height', async ({ page }) => {
    await pausedAtAddOne(page);
    await expect(page.locator('.inspect-row')).toHaveCount(0);
    const size = await consoleSize(page);
    expect(size.cols).toBeGreaterThanOrEqual(56);
    expect(size.rows).toBeGreaterThanOrEqual(20);
    await expectReadableDebugger(page, 8);

    // the trace in its tab: a pointer still opens the memory view
    await page.getByTestId('side-trace').click();
    await expect(page.getByTestId('trace')).toBeVisible();
    await page.getByTestId('trace').getByRole('button', { name: '0x400104' }).first().click();
    await expect(page.getByTestId('memory')).toBeVisible();
    await expect(page.getByTestId('mem-row').first()).toHaveAttribute('data-addr', '400100');
    // the files in theirs
    await page.getByTestId('side-files').click();
    await expect(page.locator('[data-testid="file-entry"][data-path="/home/user/debugme"]')).toBeVisible();
    for (const tab of await page.getByRole('tablist', { name: 'side panels' }).getByRole('tab').all()) await expectWhole(tab);
  });
});
