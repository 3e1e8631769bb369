// Running programs in the playground: open a file, read its output in the console, type into its
// standard input, arguments and environment, threads and processes, a non-ELF file, an endless
// loop that Stop ends, pause/resume and restart. The page is driven through its data-testid
// attributes (open-file, drop-target, run, pause, resume, stop, restart, args, env, cwd, console,
// status, error, program-name).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { consoleText, expectConsole, exitedWith, foreignRequests, openPlayground, openProgram, recordRequests } from './helpers';

const root = join(import.meta.dirname, '..');
const fixture = (name: string) => join(root, 'tests', 'guest', 'bin', name);
const example = (name: string) => join(root, 'public', 'examples', name);

const pageErrors = new WeakMap<Page, string[]>();

test.beforeEach(async ({ page }) => {
  const errors: string[] = [];
  pageErrors.set(page, errors);
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await openPlayground(page);
  await expect(page.getByTestId('console')).toBeVisible();
});

test.afterEach(async ({ page }) => {
  expect(pageErrors.get(page), 'errors in the page').toEqual([]);
});

test('opening a fixture ELF runs it: output in the console, exit status in the status bar', async ({ page }) => {
  await openProgram(page, fixture('hello'));
  await expectConsole(page, 'Hello, world!');
  await expectConsole(page, 'Hello from printf, 2 + 3 = 5');
  await expect(page.getByTestId('status')).toContainText(exitedWith(0));
  await expect(page.getByTestId('program-name')).toContainText('hello');
});

test('dropping a file on the page runs it', async ({ page }) => {
  const bytes = [...readFileSync(fixture('hello'))];
  const dataTransfer = await page.evaluateHandle((data) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([new Uint8Array(data)], 'hello', { type: 'application/octet-stream' }));
    return transfer;
  }, bytes);
  await page.dispatchEvent('body', 'dragenter', { dataTransfer });
  const target = page.getByTestId('drop-target');
  await expect(target).toBeVisible();
  await target.dispatchEvent('dragover', { dataTransfer });
  await target.dispatchEvent('drop', { dataTransfer });
  await expectConsole(page, 'Hello, world!');
  await expect(page.getByTestId('status')).toContainText(exitedWith(0));
  await expect(target).toBeHidden();
});

/** The error banner's text, checked to be one line. */
async function oneLineError(page: Page): Promise<string> {
  const error = page.getByTestId('error');
  await expect(error).toBeVisible();
  const text = (await error.innerText()).trim();
  expect(text, 'one line').not.toContain('\n');
  return text;
}

test('files that cannot run get a one-line message, and the page keeps working', async ({ page }) => {
  const hello = readFileSync(fixture('hello'));
  // a running program is left alone by a file the engine refuses
  await openProgram(page, example('spin'));
  await expectConsole(page, 'Spinning forever. Press Stop to end me.');
  const refuse = async (name: string, buffer: Buffer, message: RegExp) => {
    await page.getByTestId('open-file').setInputFiles({ name, mimeType: 'application/octet-stream', buffer });
    await expect(page.getByTestId('error')).toContainText(message);
    expect(await oneLineError(page)).toMatch(new RegExp(`^${name}: `));
    await page.getByRole('button', { name: 'Dismiss' }).click();
    await expect(page.getByTestId('status')).toHaveAttribute('data-state', 'running');
    await expect(page.getByTestId('program-name')).toHaveText('spin');
  };
  await refuse('notes.txt', Buffer.from('just some text, not a program\n'), /notes\.txt: not a program: a text file without a #! line/);
  await refuse('photo.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), /not an ELF executable/);
  // an ELF for another machine: hello with e_machine changed to x86-64 (62)
  const x86 = Buffer.from(hello);
  x86.writeUInt16LE(62, 18);
  await refuse('hello-x86', x86, /wrong architecture: x86-64/);
  // this machine's own programs, when they are not aarch64
  if (readFileSync('/bin/ls').readUInt16LE(18) !== 183) await refuse('ls', readFileSync('/bin/ls'), /wrong architecture/);
  // cut short: the header, and the segments
  await refuse('hello-head', hello.subarray(0, 40), /truncated ELF file/);
  await refuse('hello-cut', hello.subarray(0, 3000), /truncated ELF file/);
  // the session still runs programs
  await page.getByTestId('stop').click();
  await expect(page.getByTestId('status')).toHaveAttribute('data-state', 'exited');
  await openProgram(page, fixture('hello'));
  await expectConsole(page, 'Hello, world!');
  await expect(page.getByTestId('status')).toContainText(exitedWith(0));
});

test('a file that is not a program, dropped on the page, is uploaded and the page says so', async ({ page }) => {
  const dataTransfer = await page.evaluateHandle(() => {
    const transfer = new DataTransfer();
    transfer.items.add(new File(['some notes\n'], 'notes.txt', { type: 'text/plain' }));
    return transfer;
  });
  await page.dispatchEvent('body', 'dragenter', { dataTransfer });
  const target = page.getByTestId('drop-target');
  await expect(target).toBeVisible();
  await expect(target).toContainText('Drop to run');
  await target.dispatchEvent('drop', { dataTransfer });
  await expect(target).toBeHidden();
  await expect(page.getByTestId('notice')).toContainText('notes.txt is not a program (neither ELF nor #! script): it was uploaded to /home/user/notes.txt');
  await expect(page.getByTestId('error')).toHaveCount(0);
  await expect(page.locator('[data-testid="file-entry"][data-path="/home/user/notes.txt"]')).toBeVisible();
});

test('keystrokes are the program\'s standard input (line editing, Ctrl-D for end of file)', async ({ page }) => {
  await openProgram(page, example('wordcount'));
  await expectConsole(page, 'Press Ctrl-D on an empty line to finish.');
  await page.getByTestId('console').click();
  await page.keyboard.type('one two twoo');
  await page.keyboard.press('Backspace'); // the line discipline erases the last o
  await page.keyboard.press('Enter');
  await expectConsole(page, /^one two two$/m); // echoed as typed
  await page.keyboard.press('Control+D');
  await expectConsole(page, '1 lines, 3 words, 12 characters, 2 different words');
  await expect(page.getByTestId('status')).toContainText(exitedWith(0));
});

test('arguments and environment set in the page reach the program', async ({ page }) => {
  await page.getByTestId('args').fill('first second');
  await page.getByTestId('env').fill('GREETING=hello-from-the-page');
  await openProgram(page, example('args'));
  await expectConsole(page, 'argv[1] = "first"');
  await expectConsole(page, 'argv[2] = "second"');
  await expectConsole(page, 'getenv("GREETING") = "hello-from-the-page"');
  await expect(page.getByTestId('status')).toContainText(exitedWith(0));
});

test('a threaded program runs to the end', async ({ page }) => {
  await page.getByTestId('args').fill('100000 4');
  await openProgram(page, example('threads'));
  await expectConsole(page, '9592 primes below 100000', 60_000);
  expect((await consoleText(page)).match(/^thread \d \(tid \d+\): \d+ batches, \d+ primes$/gm)).toHaveLength(4);
  await expect(page.getByTestId('status')).toContainText(exitedWith(0));
});

test('a program that forks, pipes and execs itself', async ({ page }) => {
  await openProgram(page, example('pipeline'));
  await expectConsole(page, 'parent: read 500000500000 from the pipe');
  await expectConsole(page, 'TEXT WRITTEN BY THE PARENT,');
  await expectConsole(page, /parent: child \d+ was killed by signal 15 \(Terminated\)/);
  await expect(page.getByTestId('status')).toContainText(exitedWith(0));
});

test('Ctrl-C in the console sends SIGINT to the program', async ({ page }) => {
  await openProgram(page, example('signals'));
  await expectConsole(page, 'three times to quit');
  await page.getByTestId('console').click();
  for (let i = 1; i <= 3; i++) {
    await page.keyboard.press('Control+C');
    await expectConsole(page, `caught SIGINT #${i}`);
  }
  await expectConsole(page, /\d+ ticks, 3 interrupts: goodbye/);
  await expect(page.getByTestId('status')).toContainText(exitedWith(0));
});

test('a full-screen program in raw mode: keys arrive at once, q quits', async ({ page }) => {
  // started paused, so that a slow machine cannot lose the game before the keys arrive
  await page.getByTestId('args').fill('--paused');
  await openProgram(page, example('snake'));
  await expectConsole(page, /snake\s+score 0.*PAUSED/);
  await page.getByTestId('console').click();
  await page.keyboard.press('p');
  // running again (or, on a very slow machine, already over): either way no longer paused
  await expectConsole(page, /snake\s+score \d+\s+best \d+\s+(arrows\/WASD|GAME OVER)/);
  await page.keyboard.press('q');
  await expect(page.getByTestId('status')).toContainText(exitedWith(0));
});

test('an endless loop: the page stays responsive, pause/resume, and Stop ends it', async ({ page }) => {
  await openProgram(page, example('spin'));
  await expectConsole(page, 'Spinning forever. Press Stop to end me.');
  await expectConsole(page, 'still spinning: round 1', 60_000);
  await expectResponsive(page);
  // the status bar: instructions counting up, and the speed
  const count = async () => Number((await page.getByTestId('instructions').textContent())!.replace(/,/g, ''));
  const first = await count();
  await expect.poll(count).toBeGreaterThan(first);
  await expect(page.getByTestId('mips')).toHaveText(/^\d+(\.\d)? MIPS$/);
  expect(parseFloat((await page.getByTestId('mips').textContent())!)).toBeGreaterThan(0);
  await page.getByTestId('pause').click();
  await expect(page.getByTestId('status')).toContainText(/paused/i);
  await page.getByTestId('resume').click();
  await expect(page.getByTestId('status')).toContainText(/running/i);
  await expectResponsive(page);
  await page.getByTestId('stop').click();
  await expect(page.getByTestId('status')).toContainText(/kill|stop|SIGKILL|signal 9/i, { timeout: 10_000 });
  await expect(page.getByTestId('stop')).toBeDisabled();
});

test('Run starts the program again with the arguments as edited', async ({ page }) => {
  await openProgram(page, example('args'));
  await expectConsole(page, 'argc = 1');
  await expect(page.getByTestId('status')).toContainText(exitedWith(0));
  await page.getByTestId('args').fill("again 'and again'");
  await page.getByTestId('run').click();
  await expectConsole(page, 'argv[2] = "and again"');
  await expect(page.getByTestId('status')).toContainText(exitedWith(0));
  // Enter in the arguments field runs it too
  await page.getByTestId('args').fill('third');
  await page.getByTestId('args').press('Enter');
  await expectConsole(page, 'argv[1] = "third"');
});

test('the window size follows the console: TIOCGWINSZ, and SIGWINCH when it changes', async ({ page }) => {
  await page.getByTestId('args').fill('signals');
  await openProgram(page, fixture('tty_probe'));
  await expectConsole(page, 'signals ready');
  const size = async () => {
    const [cols, rows] = (await page.locator('.console-panel .panel-meta').textContent())!.split('×').map(Number);
    return { cols: cols!, rows: rows! };
  };
  const before = await size();
  await page.setViewportSize({ width: 1100, height: 700 });
  await expect.poll(async () => (await size()).cols).not.toBe(before.cols);
  const after = await size();
  await expectConsole(page, `SIGWINCH winsize ${after.rows} ${after.cols}`);
  await page.getByTestId('console').click();
  await page.keyboard.type('q');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('status')).toContainText(exitedWith(0));
});

test('the colour theme switches and is kept for the next visit', async ({ page }) => {
  const html = page.locator('html');
  const first = await html.getAttribute('data-theme');
  expect(first === 'light' || first === 'dark').toBe(true);
  const other = first === 'light' ? 'dark' : 'light';
  await page.getByRole('button', { name: `Switch to the ${other} theme` }).click();
  await expect(html).toHaveAttribute('data-theme', other);
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  await page.reload();
  await page.waitForFunction(() => window.crossOriginIsolated === true);
  await expect(html).toHaveAttribute('data-theme', other);
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(background);
  await page.getByRole('button', { name: `Switch to the ${first} theme` }).click();
  await expect(html).toHaveAttribute('data-theme', first!);
});

test('Restart runs the same program again', async ({ page }) => {
  await page.getByTestId('args').fill('1');
  await openProgram(page, example('signals')); // one SIGALRM tick, then it exits
  await expectConsole(page, '1 ticks, 0 interrupts: goodbye');
  await expect(page.getByTestId('status')).toContainText(exitedWith(0));
  await page.getByTestId('restart').click();
  await expect(page.getByTestId('status')).toHaveAttribute('data-state', 'running');
  await expect(page.getByTestId('status')).toHaveAttribute('data-state', 'exited', { timeout: 10_000 });
  await expect(page.getByTestId('status')).toContainText(exitedWith(0));
  await expectConsole(page, '1 ticks, 0 interrupts: goodbye');
  await expect(page.getByTestId('program-name')).toContainText('signals');
});

test('running programs fetches nothing from another origin', async ({ page, context, baseURL }) => {
  const urls = recordRequests(context);
  await page.reload();
  await page.waitForFunction(() => window.crossOriginIsolated === true);
  await openProgram(page, fixture('hello'));
  await expect(page.getByTestId('status')).toContainText(exitedWith(0));
  await page.waitForLoadState('networkidle');
  expect(foreignRequests(urls, baseURL!)).toEqual([]);
});

/** The main thread answers within a short time while the engine's worker is busy. */
async function expectResponsive(page: Page): Promise<void> {
  const started = Date.now();
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
  expect(Date.now() - started).toBeLessThan(1000);
  await expect(page.getByTestId('stop')).toBeEnabled();
}
