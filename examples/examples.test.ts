/**
 * The examples gallery (public/examples, built by examples/build.sh): every program in
 * public/examples/index.json runs under a64play's CLI and, where qemu-aarch64 is installed, under
 * qemu too, with the gallery's default arguments; the interactive ones (word counter, signals with
 * Ctrl-C, the snake game in raw mode with a window resize) are driven through a pseudo-terminal by
 * tests/helpers/pty_run.py. The outputs of threads and processes depend on scheduling, so the
 * checks look for the lines that do not.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Example } from '../src/ui/examples/examples';
import { findQemu } from '../tests/helpers/qemu.mjs';

const root = join(import.meta.dirname, '..');
const dir = join(root, 'public', 'examples');
const cli = join(root, 'bin', 'a64play.js');
const ptyRun = join(root, 'tests', 'helpers', 'pty_run.py');

const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as { examples: Example[] };
const byName = new Map(index.examples.map((e) => [e.name, e]));
const example = (name: string) => {
  const e = byName.get(name);
  if (!e) throw new Error(`no example ${name} in index.json`);
  return e;
};

const qemu = findQemu();
const havePty = process.platform === 'linux' && spawnSync('python3', ['-c', 'import pty, termios'], { stdio: 'ignore' }).status === 0;
type Engine = 'a64play' | 'qemu';
const engines: Engine[] = qemu ? ['a64play', 'qemu'] : ['a64play'];

function command(engine: Engine, name: string, args: string[], env: Record<string, string> = {}): string[] {
  const program = join(dir, example(name).file);
  if (engine === 'a64play') return [process.execPath, cli, ...Object.entries(env).flatMap(([k, v]) => ['-E', `${k}=${v}`]), program, ...args];
  return [qemu!, ...Object.entries(env).flatMap(([k, v]) => ['-E', `${k}=${v}`]), program, ...args];
}

function run(engine: Engine, name: string, opts: { args?: string[]; env?: Record<string, string>; input?: string; timeout?: number } = {}) {
  const e = example(name);
  const [cmd, ...argv] = command(engine, name, opts.args ?? e.args, opts.env ?? e.env);
  const r = spawnSync(cmd, argv, { input: opts.input ?? '', encoding: 'utf8', timeout: opts.timeout ?? 60_000, killSignal: 'SIGKILL' });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status, signal: r.signal };
}

type Step = { expect: string } | { send: string } | { sleep: number } | { resize: [number, number] };
function onPty(cmd: string[], steps: Step[], rows = 24, cols = 80) {
  const spec = { cmd, cwd: root, rows, cols, timeout: 40, steps };
  const out = execFileSync('python3', [ptyRun, JSON.stringify(spec)], { encoding: 'utf8', timeout: 90_000 });
  return JSON.parse(out) as { output: string; status: number; timedOut: boolean; failedStep: number | null };
}

describe('examples index', () => {
  it('lists each built example with a title, a one-line description and its files', () => {
    expect(index.examples.map((e) => e.name)).toEqual([
      'hello', 'args', 'mandelbrot', 'wordcount', 'threads', 'signals', 'pipeline', 'snake', 'spin',
    ]);
    let total = 0;
    for (const e of index.examples) {
      expect(e.title.length).toBeGreaterThan(0);
      expect(e.description).not.toContain('\n');
      expect(Array.isArray(e.args)).toBe(true);
      expect(typeof e.env).toBe('object');
      const bytes = readFileSync(join(dir, e.file));
      expect(bytes.length).toBe(e.size);
      expect([...bytes.subarray(0, 4)]).toEqual([0x7f, 0x45, 0x4c, 0x46]); // \x7fELF
      expect(bytes.readUInt16LE(18)).toBe(183); // EM_AARCH64
      expect(existsSync(join(dir, e.source))).toBe(true);
      total += statSync(join(dir, e.file)).size;
    }
    expect(total).toBeLessThan(6 * 1024 * 1024); // they are committed: keep them small
  });
});

describe.each(engines)('examples under %s', (engine) => {
  it('hello', () => {
    const r = run(engine, 'hello');
    expect(r.stdout).toMatch(/^Hello, world!\nThis is Linux \S+ on aarch64\.\n$/);
    expect(r.status).toBe(0);
  });

  it('args: arguments and environment as the gallery sets them', () => {
    const r = run(engine, 'args');
    expect(r.stdout).toContain('argc = 4\n');
    expect(r.stdout).toContain('argv[2] = "two words"\n');
    expect(r.stdout).toContain('  GREETING=Hello from the environment\n');
    expect(r.stdout).toContain('getenv("GREETING") = "Hello from the environment"\n');
    expect(r.stdout).toContain(`working directory: ${process.cwd()}\n`);
    expect(r.status).toBe(0);
  });

  it('mandelbrot: the same picture from both', () => {
    const r = run(engine, 'mandelbrot', { args: ['--ascii', '300'] });
    const lines = r.stdout.split('\n');
    expect(lines).toHaveLength(23); // 21 rows of 80, the summary, and the final newline
    expect(lines[10]).toMatch(/^ +[ .:\-=+*#%@]+@{20,}[ .:\-=+*#%@]+$/); // the real axis crosses the set
    expect(lines[21]).toMatch(/^80 x 21 points, at most 300 iterations each: \d+ iterations in [\d.]+ s$/);
    // The picture is deterministic: IEEE double arithmetic gives the same result everywhere.
    expect(fnv1a(lines.slice(0, 21).join('\n'))).toBe('45fb4ec5'); // recorded from qemu-aarch64
    expect(r.status).toBe(0);
  });

  it('wordcount: standard input from a pipe', () => {
    const r = run(engine, 'wordcount', { input: 'The cat and the dog\nand THE bird\n' });
    expect(r.stdout).toBe('2 lines, 8 words, 33 characters, 5 different words\n  the              3\n  and              2\n' +
      '  bird             1\n  cat              1\n  dog              1\n');
    expect(r.status).toBe(0);
  });

  it('threads: four threads agree on the count', () => {
    const r = run(engine, 'threads', { args: ['100000', '4'] });
    expect(r.stdout).toMatch(/^Counting the primes below 100000 with 4 threads/);
    expect(r.stdout.match(/^thread \d \(tid \d+\): \d+ batches, \d+ primes$/gm)).toHaveLength(4);
    expect(r.stdout).toMatch(/\n9592 primes below 100000\n$/);
    expect(r.status).toBe(0);
  });

  it('signals: SIGALRM ticks', () => {
    const r = run(engine, 'signals', { args: ['2'] });
    expect(r.stdout).toBe('Ticking for 2 seconds. Press Ctrl-C to send SIGINT (three times to quit).\n' +
      'tick 1 (SIGALRM)\ntick 2 (SIGALRM)\n2 ticks, 0 interrupts: goodbye\n');
    expect(r.status).toBe(0);
  });

  it('pipeline: fork, pipe, execve, wait statuses', () => {
    const r = run(engine, 'pipeline');
    expect(r.stdout).toMatch(/child \d+: summed 1\.\.1000000, writing it to the pipe\n/);
    expect(r.stdout).toContain('parent: read 500000500000 from the pipe\n');
    if (engine === 'a64play') {
      expect(r.stdout).toMatch(/child (\d+): now running "pipeline upper", reading stdin\n/);
      expect(r.stdout).toContain('TEXT WRITTEN BY THE PARENT,\nREAD BY THE CHILD THROUGH A PIPE.\n');
    } // qemu-user cannot execve an aarch64 program (without binfmt_misc): that child exits with 127
    expect(r.stdout).toMatch(/parent: child \d+ exited with status 3\n/);
    expect(r.stdout).toMatch(/parent: child \d+ was killed by signal 15 \(Terminated\)\n$/);
    expect(r.status).toBe(0);
  });

  it('snake: refuses to run without a terminal', () => {
    const r = run(engine, 'snake');
    expect(r.stderr).toBe('snake needs a terminal\n');
    expect(r.status).toBe(1);
  });

  it('spin: runs until killed', () => {
    const r = run(engine, 'spin', { timeout: 3000 });
    expect(r.stdout).toMatch(/^Spinning forever\. Press Stop to end me\.\n/);
    expect(r.signal).toBe('SIGKILL');
  });

  describe.runIf(havePty)('on a terminal', () => {
    it('wordcount: typed lines, Ctrl-D ends the input', () => {
      const r = onPty(command(engine, 'wordcount', []), [
        { expect: 'Type some text\\. Press Ctrl-D on an empty line to finish\\.\r\n' },
        { send: 'one two two\r' },
        { expect: 'one two two\r\n' },
        { send: '\x04' },
        { expect: '1 lines, 3 words, 12 characters, 2 different words' },
      ]);
      expect(r.failedStep).toBe(null);
      expect(r.status).toBe(0);
    });

    it('signals: Ctrl-C is caught three times', () => {
      const r = onPty(command(engine, 'signals', ['30']), [
        { expect: 'three times to quit\\)\\.\r\n' },
        { send: '\x03' },
        { expect: 'caught SIGINT #1: press Ctrl-C 2 more times to quit' },
        { send: '\x03' },
        { expect: 'caught SIGINT #2: press Ctrl-C 1 more time to quit' },
        { send: '\x03' },
        { expect: 'caught SIGINT #3: quitting\r\n' },
      ]);
      expect(r.failedStep).toBe(null);
      expect(r.output).toMatch(/\d+ ticks, 3 interrupts: goodbye\r\n$/);
      expect(r.status).toBe(0);
    });

    it('snake: raw mode, the board follows the window size, q quits and restores the terminal', () => {
      const r = onPty(command(engine, 'snake', []), [
        { expect: '\x1b\\[\\?1049h' }, // the alternate screen
        { expect: `${utf8('┌')}(${utf8('──')}){29}${utf8('┐')}` }, // a 60-column window: 29 two-column cells between the walls
        { send: '\x1b[B' }, // arrow down
        { sleep: 0.5 },
        { resize: [30, 100] }, // the kernel sends SIGWINCH
        { expect: `${utf8('┌')}(${utf8('──')}){49}${utf8('┐')}` },
        { send: 'q' },
        { expect: '\x1b\\[\\?25h\x1b\\[\\?1049l' }, // cursor shown, main screen back
      ], 24, 60);
      expect(r.failedStep).toBe(null);
      expect(r.status).toBe(0);
    });
  });
});

/** pty_run.py matches bytes as latin-1 text: UTF-8 text in that form. */
function utf8(text: string): string {
  return Buffer.from(text, 'utf8').toString('latin1');
}

function fnv1a(text: string): string {
  let h = 0x811c9dc5; // FNV-1a, enough to compare two pictures
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16);
}
