import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildElf } from '../../tests/helpers/elf.js';

const EM_X86_64 = 62;
import type { EngineToUi } from './protocol.js';
import { describeExit, guestFileName, Session } from './session.js';
import { openSession } from './session-harness.js';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../tests/guest/bin/${name}`, import.meta.url)));
const utf8 = (s: string) => new TextEncoder().encode(s);

const open = openSession;

const config = { args: [], env: ['HOME=/home/user'], cwd: '/home/user' };

describe('worker session', () => {
  it('loads a program, runs it in a terminal and reports its exit', async () => {
    const s = open();
    s.send({ type: 'load', name: 'hello', bytes: fixture('hello'), autorun: true, ...config });
    await s.until(() => s.of('exit').length > 0);
    expect(s.text()).toMatch(/^Hello, world!\r\n/);
    expect(s.of('loaded')[0]).toMatchObject({ name: 'hello', path: '/home/user/hello' });
    expect(s.of('started')[0]).toMatchObject({ argv: ['hello'], cwd: '/home/user' });
    expect(s.of('exit')[0]).toMatchObject({ status: 0, code: 0, signal: null, message: 'exited with status 0' });
    const last = s.of('state').at(-1)!;
    expect(last.state).toBe('exited');
    expect(last.instructions).toBeGreaterThan(1000);
    // the program stays in the filesystem, executable
    expect(s.session.fs.stat('/home/user/hello', true)).toMatchObject({ mode: 0o100755 });
  });

  it('feeds keystrokes through the line discipline: echo, lines, ^D', async () => {
    const s = open();
    s.send({ type: 'load', name: 'stdin_pipe', bytes: fixture('stdin_pipe'), autorun: true, ...config });
    await s.until(() => s.of('state').some((r) => r.state === 'running'));
    s.send({ type: 'input', bytes: utf8('abc\r') });
    await s.until(() => s.text().includes('ABC'));
    // getline takes the first ^D as its end of file; this glibc's fread reads again and takes the second
    s.send({ type: 'input', bytes: utf8('\x04\x04') });
    await s.until(() => s.of('exit').length > 0);
    expect(s.text()).toContain('abc\r\n'); // the echo
    expect(s.text()).toContain('line 1 (4 bytes): ABC');
    expect(s.of('exit')[0]!.status).toBe(0);
  });

  it('keeps a spinning program stoppable, pausable and resumable', async () => {
    const s = open();
    s.send({ type: 'load', name: 'spin', bytes: buildElf([0x14000000]), autorun: true, ...config }); // b .
    await s.until(() => s.of('state').filter((r) => r.state === 'running' && r.instructions > 0).length > 1);
    s.send({ type: 'pause' });
    expect(s.of('state').at(-1)).toMatchObject({ state: 'paused', mips: 0 });
    const n = s.of('state').at(-1)!.instructions;
    await new Promise((r) => setTimeout(r, 50));
    expect(s.of('state').at(-1)!.instructions).toBe(n);
    s.send({ type: 'resume' });
    await s.until(() => s.of('state').at(-1)!.instructions > n);
    s.send({ type: 'stop' });
    expect(s.of('exit')[0]).toMatchObject({ status: 137, signal: 9, core: false, message: 'killed by SIGKILL' });
    expect(s.of('state').at(-1)!.state).toBe('exited');
  });

  it('answers ^C with SIGINT for the foreground program', async () => {
    const s = open();
    s.send({ type: 'load', name: 'spin', bytes: buildElf([0x14000000]), autorun: true, ...config });
    await s.until(() => s.of('state').some((r) => r.state === 'running'));
    s.send({ type: 'input', bytes: utf8('\x03') });
    await s.until(() => s.of('exit').length > 0);
    expect(s.of('exit')[0]).toMatchObject({ signal: 2, message: 'killed by SIGINT' });
    expect(s.text()).toBe('^C');
  });

  it('stops running the guest while the page has not shown its output', async () => {
    const reports: EngineToUi[] = [];
    const session = new Session((m) => void reports.push(m), (fn) => setImmediate(fn));
    // write(1, sp - 4096, 4096) for ever
    const flood = buildElf([0xd2800020, 0xd14007e1, 0xd2820002, 0xd2800808, 0xd4000001, 0x17fffffb]);
    session.handle({ type: 'load', name: 'flood', bytes: flood, autorun: true, ...config });
    const shown = () => reports.reduce((n, r) => n + (r.type === 'output' ? r.bytes.length : 0), 0);
    const settle = async () => {
      for (let last = -1; shown() !== last; ) {
        last = shown();
        await new Promise((r) => setTimeout(r, 150));
      }
    };
    for (const t0 = Date.now(); shown() <= 1 << 20 && Date.now() - t0 < 10_000; ) await new Promise((r) => setTimeout(r, 20));
    await settle();
    const first = shown();
    expect(first).toBeGreaterThan(1 << 20);
    expect(first).toBeLessThan(64 << 20);
    // held back, not ended
    expect(reports.filter((r) => r.type === 'state').at(-1)).toMatchObject({ state: 'running' });
    expect(reports.some((r) => r.type === 'exit')).toBe(false);
    session.handle({ type: 'outputAck', bytes: first });
    await settle();
    expect(shown()).toBeGreaterThan(first + (1 << 20));
    session.handle({ type: 'stop' });
  });

  it('refuses files it cannot run with a one-line message and keeps the loaded program', async () => {
    const s = open();
    s.send({ type: 'load', name: 'hello', bytes: fixture('hello'), ...config });
    s.send({ type: 'load', name: 'notes.txt', bytes: utf8('just text\n'), autorun: true, ...config });
    s.send({ type: 'load', name: 'x86', bytes: buildElf([0], undefined, { machine: EM_X86_64 }), autorun: true, ...config });
    s.send({ type: 'load', name: 'short', bytes: fixture('hello').subarray(0, 40), autorun: true, ...config });
    const errors = s.of('error');
    expect(errors.map((e) => e.kind)).toEqual(['format', 'format', 'format']);
    expect(errors[0]!.message).toBe('notes.txt: not a program: a text file without a #! line');
    expect(errors[1]!.message).toMatch(/^x86: wrong architecture: x86-64/);
    expect(errors[2]!.message).toMatch(/^short: truncated ELF/);
    for (const e of errors) expect(e.message).not.toContain('\n');
    expect(s.of('loaded').map((l) => l.name)).toEqual(['hello']);
    s.send({ type: 'run' });
    await s.until(() => s.of('exit').length > 0);
    expect(s.text()).toMatch(/^Hello, world!\r\n/);
  });

  it('passes arguments, environment and working directory; restart runs again', async () => {
    const s = open();
    const cfg = { args: ['one', 'two words'], env: ['A64_TEST_VAR=hi'], cwd: '/tmp/work' };
    s.send({ type: 'load', name: 'args_env', bytes: fixture('args_env'), autorun: true, ...cfg });
    await s.until(() => s.of('exit').length > 0);
    expect(s.text()).toContain('two words');
    expect(s.text()).toContain('A64_TEST_VAR=hi');
    s.send({ type: 'restart', config: { ...cfg, args: ['three'] } });
    await s.until(() => s.of('exit').length > 1);
    expect(s.of('started').map((r) => r.argv)).toEqual([
      ['args_env', 'one', 'two words'],
      ['args_env', 'three'],
    ]);
    expect(s.session.fs.stat('/tmp/work', true)).toMatchObject({ mode: 0o40755 });
  });

  it('gives the console size to TIOCGWINSZ and SIGWINCH', async () => {
    const s = open();
    s.send({ type: 'resize', rows: 30, cols: 100 });
    s.send({ type: 'load', name: 'tty_probe', bytes: fixture('tty_probe'), autorun: true, ...config, args: ['lines'] });
    await s.until(() => s.text().includes('winsize 30 100'));
    s.send({ type: 'input', bytes: utf8('\x04') });
    await s.until(() => s.of('exit').length > 0);
    s.send({ type: 'restart', config: { ...config, args: ['signals'] } });
    await s.until(() => s.text().includes('signals ready'));
    s.send({ type: 'resize', rows: 40, cols: 120 });
    await s.until(() => s.text().includes('SIGWINCH winsize 40 120'));
    s.send({ type: 'input', bytes: utf8('q\r') });
    await s.until(() => s.of('exit').length > 1);
    expect(s.of('exit').map((e) => e.status)).toEqual([0, 0]);
  });
});

describe('helpers', () => {
  it('names guest files', () => {
    expect(guestFileName('C:\\x\\prog')).toBe('prog');
    expect(guestFileName('a/b/..')).toBe('program');
    expect(guestFileName('')).toBe('program');
  });
  it('describes exits as a shell would', () => {
    expect(describeExit({ status: 139, code: null, signal: 11, core: true }).message).toBe('killed by SIGSEGV (core dumped)');
    expect(describeExit({ status: 3, code: 3, signal: null, core: false }).message).toBe('exited with status 3');
  });
});
