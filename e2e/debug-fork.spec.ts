// The debugger and processes: a breakpoint set by name after a run ends holds for the next run
// (Restart), and it stops a child process the program forks (e2e/fixtures/forkme: the child
// calls in_child at once, prints and exits; the parent waits for it, then prints and exits).
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { expectConsole, exitedWith, openPlayground, openProgram } from './helpers';

const forkme = join(import.meta.dirname, 'fixtures', 'forkme');

test('a breakpoint stops the forked child; the registers are the child\'s; it runs on to the end', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await openPlayground(page);
  await openProgram(page, forkme);
  await expectConsole(page, 'forkme: parent done');
  await expect(page.getByTestId('status')).toContainText(exitedWith(0));

  await page.getByTestId('side-debugger').click();
  await page.getByTestId('breakpoint-input').fill('in_child');
  await page.getByTestId('breakpoint-input').press('Enter');
  await expect(page.getByRole('list', { name: 'breakpoints' })).toContainText('<in_child>');
  await page.getByTestId('restart').click();
  await expect(page.getByTestId('debug-status')).toHaveText(/^paused \(breakpoint\) at 0x[0-9a-f]+$/);
  await expect(page.locator('.debug-where-sym')).toHaveText('<in_child>');
  // the child: not the first process (pid 1000); fork returned 0 to it
  const thread = Number((await page.getByTestId('debug-thread').textContent())!.replace('thread ', ''));
  expect(thread).toBeGreaterThan(1000);
  await page.getByTestId('tab-registers').click();
  await expect(page.getByTestId('reg-X0')).toHaveText('0000000000000000');
  await expect(page.getByTestId('pc-symbol')).toHaveText('<in_child>');
  // nothing printed yet by either process
  await expect.poll(async () => (await page.getByTestId('console').textContent()) ?? '').not.toContain('forkme: child');

  await page.keyboard.press('F5');
  await expectConsole(page, 'forkme: child');
  await expectConsole(page, 'forkme: parent done');
  await expect(page.getByTestId('status')).toContainText(exitedWith(0));
  expect(errors).toEqual([]);
});
