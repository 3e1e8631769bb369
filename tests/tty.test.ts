/**
 * a64play on a real pseudo-terminal: the host terminal in raw mode, the guest's own line
 * discipline (src/core/vfs/tty.ts), signals from the keyboard, window size changes, and the host
 * terminal restored afterwards. The terminal is driven by tests/helpers/pty_run.py (Python's pty
 * module; the block is skipped without python3). When qemu-aarch64 is installed, the same
 * keystrokes run the same guest under qemu, whose terminal is the host kernel's: both must show
 * the same bytes. A last block compares the line discipline itself with the host kernel's
 * (tests/helpers/ntty_oracle.py) over many settings and inputs.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ECHO, ECHOCTL, ECHOE, ECHOK, ECHOKE, ECHONL, ECHOPRT, ICANON, ICRNL, IEXTEN, IGNCR, INLCR, ISIG, ISTRIP, IUCLC, IUTF8,
  IXANY, IXON, NOFLSH, OCRNL, OLCUC, ONLCR, ONLRET, ONOCR, OPOST, PARMRK, TCFLSH, Termios, VEOF, VEOL, VEOL2, VERASE,
  VINTR, VMIN, XTABS,
} from '../src/core/vfs/termios.js';
import { Tty } from '../src/core/vfs/tty.js';

const root = join(import.meta.dirname, '..');
const cli = join(root, 'bin', 'a64play.js');
const probe = join(root, 'tests', 'guest', 'bin', 'tty_probe');
const termiosRaw = join(root, 'tests', 'guest', 'bin', 'termios_raw');
const ptyRun = join(root, 'tests', 'helpers', 'pty_run.py');
const oracle = join(root, 'tests', 'helpers', 'ntty_oracle.py');

const havePty = process.platform === 'linux' && spawnSync('python3', ['-c', 'import pty, termios'], { stdio: 'ignore' }).status === 0;
const qemu = ['/usr/bin/qemu-aarch64', ...(process.env.PATH ?? '').split(':').map((d) => join(d, 'qemu-aarch64'))].find((p) => existsSync(p));

type Step = { expect: string } | { send: string } | { sleep: number } | { resize: [number, number] };
interface PtyResult {
  output: string;
  status: number;
  timedOut: boolean;
  failedStep: number | null;
}

function onPty(
  cmd: string[],
  steps: Step[],
  opts: { rows?: number; cols?: number; timeout?: number; env?: Record<string, string> } = {},
): PtyResult {
  const spec = { cmd, cwd: root, rows: opts.rows ?? 33, cols: opts.cols ?? 101, timeout: opts.timeout ?? 30, steps, env: opts.env };
  const out = execFileSync('python3', [ptyRun, JSON.stringify(spec)], { encoding: 'utf8', timeout: 60_000 });
  return JSON.parse(out) as PtyResult;
}

const a64play = (...args: string[]) => [process.execPath, cli, ...args];
const sh = (script: string) => ['sh', '-c', script];
const q = (s: string) => `'${s}'`;

/** The keystrokes for `tty_probe lines`, and what Linux shows for them. */
const LINES_STEPS: Step[] = [
  { expect: 'ready\r\n' },
  { send: 'hello\r' },
  { expect: 'read 6' },
  { send: 'abx\x7fc\r' },
  { expect: 'read 4' },
  { send: 'par' },
  { sleep: 0.2 },
  { send: '\x04' },
  { expect: 'read 3' },
  { send: '\x04' },
];
const LINES_OUTPUT =
  'isatty 1 1 1\r\nwinsize 33 101\r\nlflag icanon=1 echo=1 isig=1 vmin=1 verase=127\r\nready\r\n' +
  'hello\r\nread 6 [hello\\x0a]\r\n' + // the echo, then the line
  'abx\b \bc\r\nread 4 [abc\\x0a]\r\n' + // DEL erased the x
  'parread 3 [par]\r\n' + // ^D ended a partial line: no newline
  'read 0 []\r\ndone\r\n'; // ^D on an empty line: end of file

const TERMIOS_RAW_STEPS: Step[] = [{ expect: 'send 3 bytes\r\n' }, { send: 'ab\x03' }, { expect: 'send a line\r\n' }, { send: 'hello\n' }];
// tests/guest/src/termios_raw.c gives these bytes as Linux's
const TERMIOS_RAW_OUTPUT =
  'tty: canonical 1 echo 1 isig 1\r\nraw: canonical 0 echo 0 isig 0 opost 0\r\nsend 3 bytes\r\n' +
  'byte 1: 0x61\r\nbyte 2: 0x62\r\nbyte 3: 0x03\r\nrestored: canonical 1 echo 1\r\nsend a line\r\n' +
  'hello\r\nline: 6 bytes: 68 65 6c 6c 6f 0a\r\n';

describe.runIf(havePty)('a64play on a terminal', () => {
  it('canonical input: echo, erase, ^D, as Linux', () => {
    const r = onPty(a64play(probe, 'lines'), LINES_STEPS);
    expect(r.failedStep).toBeNull();
    expect(r.output).toBe(LINES_OUTPUT);
    expect(r.status).toBe(0);
  });

  it('a program switching to raw mode and back (termios_raw)', () => {
    const r = onPty(a64play(termiosRaw), TERMIOS_RAW_STEPS);
    expect(r.output).toBe(TERMIOS_RAW_OUTPUT);
    expect(r.status).toBe(0);
  });

  it('^C ^\\ ^Z reach the guest as signals, a resize as SIGWINCH', () => {
    const r = onPty(a64play(probe, 'signals'), [
      { expect: 'signals ready\r\n' },
      { send: 'ab' },
      { sleep: 0.2 },
      { send: '\x03' },
      { expect: 'SIGINT\r\n' },
      { send: '\x1c' },
      { expect: 'SIGQUIT\r\n' },
      { send: '\x1a' },
      { expect: 'SIGTSTP\r\n' },
      { resize: [40, 120] },
      { expect: 'winsize 40 120\r\n' },
      { send: 'q\r' },
    ]);
    expect(r.failedStep).toBeNull();
    expect(r.output).toBe(
      'signals ready\r\nab^CSIGINT\r\n^\\SIGQUIT\r\n^ZSIGTSTP\r\nSIGWINCH winsize 40 120\r\nq\r\nread 2 [q\\x0a]\r\ndone\r\n',
    );
    expect(r.status).toBe(0);
  });

  it('^C ends a guest without a handler (status 130), not a64play; the terminal is restored', () => {
    const r = onPty(sh(`stty -g; ${a64play(probe, 'intr').map(q).join(' ')}; echo status=$?; stty -g`), [
      { expect: 'waiting\r\n' },
      { send: 'zz\x03' },
      { expect: 'status' },
    ]);
    expect(r.failedStep).toBeNull();
    const lines = r.output.split('\r\n');
    expect(lines[1]).toBe('waiting');
    expect(lines[2]).toBe('^Cstatus=130'); // zz flushed with the input, their echo too
    expect(lines[3]).toBe(lines[0]); // stty -g after is stty -g before
  });

  it('the terminal is restored after raw mode, and when a64play is killed', () => {
    const r = onPty(sh(`stty -g; ${a64play(probe, 'raw', '2').map(q).join(' ')}; stty -g`), [
      { expect: 'raw ready\r\n' },
      { send: 'a' },
      { expect: 'byte 1 97' },
      { send: '\r' },
      { expect: 'cooked again' },
    ]);
    const lines = r.output.split('\r\n');
    expect(lines.slice(1, 5)).toEqual(['raw ready', 'byte 1 97', 'byte 1 13', 'cooked again']);
    expect(lines[5]).toBe(lines[0]);
    const k = onPty(sh(`stty -g; ${a64play(probe, 'intr').map(q).join(' ')} & sleep 1; kill $!; wait; stty -g`), [
      { expect: 'waiting' },
      { sleep: 1.5 },
    ]);
    const kl = k.output.split('\r\n').filter((l) => /^[0-9a-f:]+$/.test(l));
    expect(kl).toHaveLength(2);
    expect(kl[1]).toBe(kl[0]);
  });

  it('stdout redirected: the echo still reaches the terminal, the output goes to the file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'a64play-tty-'));
    const out = join(dir, 'out');
    const r = onPty(sh(`${a64play(probe, 'lines').map(q).join(' ')} > ${q(out)}`), [
      { expect: 'ready\r\n' },
      { send: 'hi\r' },
      { sleep: 0.3 },
      { send: '\x04' },
    ]);
    expect(r.output).toBe('ready\r\nhi\r\n');
    expect(readFileSync(out, 'latin1')).toBe(
      'isatty 1 0 1\nwinsize 33 101\nlflag icanon=1 echo=1 isig=1 vmin=1 verase=127\nready\nread 3 [hi\\x0a]\nread 0 []\ndone\n',
    );
  });

  it('stdin a pipe, stdout the terminal: the host terminal is left alone', () => {
    const r = onPty(sh(`printf 'x\\n' | ${a64play(probe, 'lines').map(q).join(' ')}`), []);
    expect(r.output).toBe('isatty 0 1 1\r\nwinsize error 25\r\nready\r\nread 2 [x\\x0a]\r\nread 0 []\r\ndone\r\n');
    expect(r.status).toBe(0);
  });

  it('a prompt on /dev/tty with echo off (as for passwords) uses the same terminal', () => {
    const r = onPty(a64play(probe, 'devtty'), [{ expect: 'secret: ' }, { send: 'hunter2\r' }, { expect: 'got' }]);
    expect(r.output).toBe('secret: \r\ngot 8 [hunter2\\x0a]\r\n');
    expect(r.status).toBe(0);
  });

  it.runIf(existsSync('/bin/bash'))('^Z stops a64play like any job, the shell gets a cooked terminal, fg continues the guest', () => {
    const r = onPty(
      ['/bin/bash', '--norc', '--noprofile', '-i'],
      [
        { expect: '\\$ ' },
        { send: `stty -g; ${a64play(probe, 'intr').map(q).join(' ')}\r` },
        { expect: 'waiting\r\n' },
        { send: '\x1a' },
        { expect: 'Stopped' },
        { expect: '\\$ ' },
        { send: 'stty -g\r' },
        { expect: '\\$ ' },
        { send: 'fg\r' },
        { sleep: 0.5 },
        { send: 'x\r' },
        { expect: 'read 2' },
        { expect: '\\$ ' },
        { send: 'echo status=$?\r' },
        { expect: 'status=\\d+' },
        { send: 'exit\r' },
      ],
      { timeout: 30, env: { PS1: '$ ', PATH: process.env.PATH ?? '/usr/bin:/bin', TERM: 'dumb', HOME: tmpdir() } },
    );
    expect(r.failedStep).toBeNull();
    const settings = r.output.split('\r\n').filter((l) => /^[0-9a-f]+(:[0-9a-f]+){20,}$/.test(l));
    expect(settings).toHaveLength(2);
    expect(settings[1]).toBe(settings[0]); // cooked while stopped
    expect(r.output).toContain('^Z');
    expect(r.output).toContain('x\r\nread 2 [x\\x0a]\r\n');
    expect(r.output).toContain('status=3');
  }, 60_000);

  describe.runIf(qemu)('the same keystrokes under qemu-aarch64 (the host kernel as terminal)', () => {
    it('canonical input', () => {
      const a = onPty(a64play(probe, 'lines'), LINES_STEPS);
      const b = onPty([qemu!, probe, 'lines'], LINES_STEPS);
      expect(a.output).toBe(b.output);
      expect(a.status).toBe(b.status);
    });

    it('raw mode', () => {
      const a = onPty(a64play(termiosRaw), TERMIOS_RAW_STEPS);
      const b = onPty([qemu!, termiosRaw], TERMIOS_RAW_STEPS);
      expect(a.output).toBe(b.output);
    });

    it('^C, and a resize', () => {
      const steps: Step[] = [
        { expect: 'signals ready\r\n' },
        { send: 'xy' },
        { sleep: 0.2 },
        { send: '\x03' },
        { expect: 'SIGINT\r\n' },
        { resize: [50, 90] },
        { expect: 'winsize 50 90\r\n' },
        { send: 'ab\x7f\x17q\r' },
      ];
      const a = onPty(a64play(probe, 'signals'), steps);
      const b = onPty([qemu!, probe, 'signals'], steps);
      expect(a.output).toBe(b.output);
    });
  });
});

// ---- the line discipline against the host kernel's ----

interface Case {
  set?: { iflag?: number; oflag?: number; lflag?: number; cc?: Record<number, number> };
  ops: ({ in: string } | { read: number } | { write: string } | { set: Case['set'] } | { flush: number } | { fionread: 1 })[];
}
interface Outcome {
  echo: string[];
  reads: (string | number | null)[];
}

const L = ISIG | ICANON | ECHO | ECHOE | ECHOK | ECHOCTL | ECHOKE | IEXTEN;
const I = ICRNL | IXON;
const RAW = L & ~ICANON;
const CASES: Case[] = [
  { ops: [{ in: 'ab\tc' }, { in: '\x7f' }, { in: '\x7f' }, { in: '\x7f\x7f' }, { in: 'x\r' }, { read: 100 }, { read: 100 }] },
  { ops: [{ in: 'hello world' }, { in: '\x17' }, { in: '\x17' }, { in: '\x17' }, { in: 'ok\n' }, { read: 100 }] },
  { ops: [{ in: 'foo bar_baz.qux  ' }, { in: '\x17' }, { in: '\x17' }, { in: '\r' }, { read: 100 }] },
  { ops: [{ in: 'abc' }, { in: '\x15' }, { in: 'd\r' }, { read: 100 }] },
  { set: { lflag: L & ~ECHOKE }, ops: [{ in: 'abc' }, { in: '\x15' }, { in: 'd\r' }, { read: 100 }] },
  { set: { lflag: L & ~ECHOKE & ~ECHOK }, ops: [{ in: 'abc' }, { in: '\x15' }, { in: 'd\r' }, { read: 100 }] },
  { ops: [{ in: 'abc\x04' }, { read: 100 }, { read: 100 }, { in: '\x04' }, { read: 100 }, { read: 100 }] },
  { ops: [{ in: 'abc\x04' }, { read: 3 }, { read: 100 }] },
  { ops: [{ in: 'abc\n' }, { read: 3 }, { read: 100 }, { read: 100 }] },
  { ops: [{ in: 'a\x03' }, { read: 100 }, { in: 'b\n' }, { read: 100 }] },
  { ops: [{ in: 'a' }, { in: '\x03' }, { read: 100 }, { in: 'b\n' }, { read: 100 }] },
  { ops: [{ in: 'a\x01b\x1b[A\r' }, { read: 100 }] },
  { ops: [{ in: 'x\x16\x03y\x16\x7f\r' }, { read: 100 }] },
  { ops: [{ in: 'x\x16' }, { in: '\x15' }, { in: '\r' }, { read: 100 }] },
  { ops: [{ in: 'abc' }, { in: '\x12' }, { in: '\n' }, { read: 100 }] },
  { ops: [{ in: 'one\n' }, { in: 'two' }, { in: '\x12' }, { in: '\n' }, { read: 100 }, { read: 100 }] },
  { ops: [{ in: 'caf\xc3\xa9' }, { in: '\x7f' }, { in: '\r' }, { read: 100 }] },
  { set: { iflag: I | IUTF8 }, ops: [{ in: 'caf\xc3\xa9' }, { in: '\x7f' }, { in: '\r' }, { read: 100 }] },
  { set: { iflag: I | IUTF8 }, ops: [{ in: 'x \xc3\xa9t\xc3\xa9' }, { in: '\x17' }, { in: '\r' }, { read: 100 }] },
  { ops: [{ write: 'a\nb\tc\r\n' }] },
  { set: { oflag: OPOST | ONLCR | OLCUC }, ops: [{ write: 'Hello \xe9\n' }] },
  { set: { oflag: OPOST | ONLCR | OCRNL }, ops: [{ write: 'a\rb\n' }] },
  { set: { oflag: OPOST | ONOCR | ONLRET }, ops: [{ write: '\ra\rb\n' }] },
  { set: { oflag: OPOST | ONLCR | XTABS }, ops: [{ write: 'a\tbc\td\n' }, { in: 'a\tb' }, { in: '\x7f\x7f' }] },
  { set: { oflag: 0 }, ops: [{ write: 'a\nb\n' }] },
  { set: { lflag: L & ~ECHOE }, ops: [{ in: 'abc' }, { in: '\x7f' }, { in: '\r' }, { read: 100 }] },
  { set: { lflag: L | ECHOPRT }, ops: [{ in: 'abc' }, { in: '\x7f\x7f' }, { in: 'x' }, { in: '\r' }, { read: 100 }] },
  { set: { lflag: (L | ECHOPRT) & ~ECHOKE }, ops: [{ in: 'abc' }, { in: '\x15' }, { in: 'd\n' }, { read: 100 }] },
  { set: { iflag: IXON | INLCR }, ops: [{ in: 'a\rb\n' }, { read: 100 }, { read: 100 }] },
  { set: { iflag: IXON | IGNCR }, ops: [{ in: 'a\rb\n' }, { read: 100 }, { read: 100 }] },
  { set: { lflag: (L & ~ECHO) | ECHONL }, ops: [{ in: 'abc\n' }, { read: 100 }] },
  { set: { lflag: L & ~ECHO }, ops: [{ in: 'ab\r\x01\x7f' }, { read: 100 }] },
  { set: { lflag: RAW, cc: { [VMIN]: 3 } }, ops: [{ in: 'ab' }, { read: 100 }, { in: 'c' }, { read: 100 }, { fionread: 1 }] },
  { set: { lflag: RAW, cc: { [VMIN]: 0 } }, ops: [{ read: 100 }, { in: 'x' }, { read: 100 }] },
  { set: { lflag: RAW }, ops: [{ in: 'a\r\n\x01\x7f\t\x04' }, { read: 100 }] },
  { set: { lflag: RAW, iflag: 0 }, ops: [{ in: 'a\rb\n' }, { read: 100 }] },
  { ops: [{ in: 'ab' }, { set: { lflag: RAW } }, { read: 100 }] },
  { ops: [{ in: 'ab\x04c' }, { set: { lflag: RAW } }, { read: 100 }] },
  { set: { lflag: RAW }, ops: [{ in: 'ab' }, { set: { lflag: L } }, { fionread: 1 }, { read: 100 }, { read: 100 }] },
  { ops: [{ in: 'ab\ncd\n\x04ef' }, { fionread: 1 }, { read: 100 }, { read: 100 }, { read: 100 }, { read: 100 }] },
  { ops: [{ in: 'abc' }, { flush: 0 }, { in: 'd\n' }, { read: 100 }] },
  { ops: [{ in: 'ab' }, { flush: 2 }, { in: '\x7f' }, { in: 'c\n' }, { read: 100 }] },
  { ops: [{ in: 'a\x13b' }, { write: 'out' }, { in: '\x11' }, { read: 100 }] },
  { set: { iflag: I | IXANY }, ops: [{ in: '\x13' }, { write: 'out' }, { in: 'z' }, { write: 'more' }] },
  { ops: [{ in: '\x13' }, { in: 'ab' }, { in: '\x03' }, { write: 'x' }] },
  { ops: [{ in: '\xff\n' }, { read: 100 }] },
  { set: { iflag: I | PARMRK }, ops: [{ in: '\xff\n' }, { read: 100 }] },
  { set: { iflag: I | ISTRIP }, ops: [{ in: '\xe1\n' }, { read: 100 }] },
  { set: { iflag: I | IUCLC }, ops: [{ in: 'ABC\n' }, { read: 100 }] },
  { set: { cc: { [VEOL]: 0x3b } }, ops: [{ in: 'ab;cd' }, { read: 100 }, { read: 100 }] },
  { set: { cc: { [VEOL2]: 0x3b } }, ops: [{ in: 'ab;cd\n' }, { read: 100 }] },
  { set: { cc: { [VERASE]: 8 } }, ops: [{ in: 'abc\b\x7f\n' }, { read: 100 }] },
  { set: { cc: { [VINTR]: 0, [VEOF]: 0 } }, ops: [{ in: 'a\x03\x04\x00\n' }, { read: 100 }] },
  { set: { lflag: L | NOFLSH }, ops: [{ in: 'ab\x03cd\n' }, { read: 100 }] },
  { set: { lflag: L & ~ECHO }, ops: [{ in: 'ab\x03' }, { in: 'x\n' }, { read: 100 }] },
  { ops: [{ in: 'a\tb\t' }, { in: '\x7f' }, { in: '\x7f' }, { in: '\x7f' }, { in: '\x7f' }, { in: '\n' }, { read: 100 }] },
  { ops: [{ in: '\x01\x02\t' }, { in: '\x7f' }, { in: '\x7f' }, { in: '\n' }, { read: 100 }] },
  { ops: [{ write: 'xyz' }, { in: 'ab\t' }, { in: '\x7f' }, { in: '\n' }, { read: 100 }] },
  { set: { lflag: L & ~IEXTEN }, ops: [{ in: 'ab c\x17\x16x\n' }, { read: 100 }] },
  { set: { lflag: L & ~ECHOCTL }, ops: [{ in: 'a\x01' }, { in: '\x7f\x7f' }, { in: '\x03' }] },
  { ops: [{ in: 'abcdef\n' }, { read: 4 }, { read: 4 }, { read: 4 }] },
  { ops: [{ in: '\x04\x04ab\n' }, { read: 100 }, { read: 100 }, { read: 100 }] },
  { ops: [{ in: 'x'.repeat(5000) }, { in: '\n' }, { read: 5000 }, { read: 5000 }] },
  { ops: [{ in: 'x'.repeat(4094) }, { in: 'yz' }, { in: '\x7f\n' }, { read: 5000 }, { read: 5000 }] },
  { set: { lflag: RAW }, ops: [{ in: 'x'.repeat(5000) }, { fionread: 1 }, { read: 5000 }, { read: 5000 }] },
];

const latin1 = (b: Uint8Array) => String.fromCharCode(...b);
const bytesOf = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));

/** The same case on a64play's terminal; input it cannot take yet waits, as in the host's ring. */
function simulate(c: Case): Outcome {
  let shown = '';
  const start = Termios.standard();
  start.cflag = 0o277; // a fresh pty: B38400 CS8 CREAD
  const tty = new Tty({ output: (b) => (shown += latin1(b)), termios: start });
  const apply = (set: Case['set'] = {}) => {
    const t = tty.termios.clone();
    if (set.iflag !== undefined) t.iflag = set.iflag;
    if (set.oflag !== undefined) t.oflag = set.oflag;
    if (set.lflag !== undefined) t.lflag = set.lflag;
    for (const [i, v] of Object.entries(set.cc ?? {})) t.cc[Number(i)] = v;
    tty.setTermios(t);
  };
  apply(c.set);
  const out: Outcome = { echo: [], reads: [] };
  let pending = new Uint8Array(0);
  const offer = () => {
    if (pending.length) pending = pending.subarray(tty.input(pending));
  };
  const noMemory = { read: () => null, write: () => true };
  for (const op of c.ops) {
    offer();
    if ('in' in op) {
      shown = '';
      const more = bytesOf(op.in);
      const all = new Uint8Array(pending.length + more.length);
      all.set(pending);
      all.set(more, pending.length);
      pending = all;
      offer();
      out.echo.push(shown);
    } else if ('read' in op) {
      const b = new Uint8Array(op.read);
      const n = tty.read(b);
      out.reads.push(n === -11 ? null : n < 0 ? `error ${n}` : latin1(b.subarray(0, n)));
    } else if ('write' in op) {
      shown = '';
      const n = tty.write(bytesOf(op.write));
      out.reads.push(n === -11 ? 'EAGAIN' : n);
      out.echo.push(shown);
    } else if ('set' in op) {
      apply(op.set);
    } else if ('flush' in op) {
      tty.ioctl(TCFLSH, op.flush, noMemory);
    } else {
      out.reads.push(tty.available());
    }
  }
  return out;
}

describe.runIf(havePty)('the line discipline against the host kernel', () => {
  it(`agrees on ${CASES.length} cases of settings and input`, () => {
    const linux = JSON.parse(execFileSync('python3', [oracle, JSON.stringify(CASES)], { encoding: 'latin1', timeout: 120_000 })) as Outcome[];
    const differ = CASES.map((c, i) => ({ c, mine: simulate(c), linux: linux[i]! })).filter(
      (d) => JSON.stringify(d.mine) !== JSON.stringify(d.linux),
    );
    expect(differ).toEqual([]);
  });
});
