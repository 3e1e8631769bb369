/**
 * The CLI's console. When stdin is a terminal and a64play runs in its foreground, the host
 * terminal is put in raw mode for the emulator's lifetime and the guest gets a terminal of its
 * own with Linux's line discipline (core/vfs/tty.ts), fed by the stdin reader's worker: echo and
 * line editing as Linux does them, ^C as SIGINT for the guest's foreground process group (not for
 * Node), window size changes as SIGWINCH. Its settings start as the host terminal's were. The
 * guest's fds 1 and 2 share that terminal when they are the same host terminal; otherwise they,
 * like every descriptor when stdin is not a terminal, are plain HostStdio.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as tty from 'node:tty';
import { IUTF8, NCCS, Termios } from '../core/vfs/termios.js';
import { Tty } from '../core/vfs/tty.js';
import type { FileHandle } from '../core/vfs/types.js';
import { HostStdio, hostErrno, stdioPath, toStat, writeFully } from './hostfs.js';
import { HostEvents, StdinReader } from './stdin-reader.js';

export interface HostConsole {
  /** the guest's fds 0, 1, 2 */
  stdio: [FileHandle, FileHandle, FileHandle];
  /** the guest's terminal, when stdin is the host's terminal */
  tty: Tty | null;
  /** what the kernel's idle() and pump() use */
  events: HostEvents;
  /** Puts the host terminal back as it was (idempotent; also runs at process exit). */
  restore(): void;
  /** Writes a64play's own text (diagnostics, -strace) to stderr; newlines stay newlines in raw mode. */
  message(text: string): void;
  /** The emulated terminal for a host device number (its own, or /dev/tty's), else null. */
  terminalFor(rdev: number): FileHandle | null;
  /**
   * The guest's foreground job stopped: give the terminal back (cooked) and stop a64play's process
   * group, as a stopped job does; returns once continued (fg), the terminal raw again. Nothing
   * happens without an emulated terminal, or when the group is orphaned (Linux then ignores
   * SIGTSTP).
   */
  suspend(): void;
}

/** /dev/tty's device number (major 5, minor 0), as glibc's makedev encodes it. */
const DEV_TTY = 5 << 8;

export interface HostConsoleOptions {
  events?: HostEvents;
  /** run a line discipline over a terminal stdin (default true) */
  emulateTerminal?: boolean;
}

/** Two descriptors on the same host terminal. */
function sameTerminal(a: number, b: number): boolean {
  if (!tty.isatty(a) || !tty.isatty(b)) return false;
  try {
    const x = fs.fstatSync(a);
    const y = fs.fstatSync(b);
    return x.rdev === y.rdev && x.dev === y.dev;
  } catch {
    return false;
  }
}

/**
 * Whether a64play's process group is the foreground of stdin's terminal (when that terminal is
 * its controlling terminal). A background job must not take the terminal: reading it would stop
 * a64play with SIGTTIN and switching modes with SIGTTOU. Unknown (no /proc): yes.
 */
function inForeground(): boolean {
  try {
    const stat = fs.readFileSync('/proc/self/stat', 'latin1');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const [pgrp, ttyNr, tpgid] = [Number(f[2]), Number(f[4]), Number(f[5])];
    const rdev = fs.fstatSync(0).rdev;
    if (ttyNr !== rdev) return true; // not our controlling terminal: no job control applies
    return tpgid === pgrp;
  } catch {
    return true;
  }
}

/** Runs stty on stdin's terminal; its output, or null when it failed. */
function stty(args: string[]): string | null {
  try {
    const r = spawnSync('stty', args, { stdio: [0, 'pipe', 'ignore'], encoding: 'utf8', timeout: 5000 });
    return r.status === 0 ? r.stdout : null;
  } catch {
    return null;
  }
}

/**
 * The guest terminal's first settings: the host terminal's (GNU `stty -g`: erase key, IUTF8...),
 * or Linux's defaults (with IUTF8 under a UTF-8 locale) when they cannot be read.
 */
export function initialTermios(sttyG: string | null): Termios {
  const t = sttyG === null ? null : parseSttyG(sttyG);
  if (t) return t;
  const d = Termios.standard();
  const locale = process.env.LC_ALL || process.env.LC_CTYPE || process.env.LANG || '';
  if (/utf-?8/i.test(locale)) d.iflag |= IUTF8;
  return d;
}

/** Parses `stty -g` output; null when it is not GNU's format. */
export function parseSttyG(text: string): Termios | null {
  const f = text.trim().split(':');
  if (f.length < 4 + NCCS || !f.every((x) => /^[0-9a-f]+$/i.test(x))) return null;
  const t = new Termios();
  [t.iflag, t.oflag, t.cflag, t.lflag] = f.slice(0, 4).map((x) => parseInt(x, 16) >>> 0) as [number, number, number, number];
  for (let i = 0; i < NCCS; i++) t.cc[i] = parseInt(f[4 + i]!, 16) & 0xff;
  t.ispeed = t.inputSpeed();
  t.ospeed = t.outputSpeed();
  return t;
}

/** The terminal's size: from Node's stdout or stderr, else the reader's first report (or 80x24). */
function hostSize(reader: StdinReader, events: HostEvents): { rows: number; cols: number } {
  for (const s of [process.stdout, process.stderr]) if (s.isTTY && s.rows && s.columns) return { rows: s.rows, cols: s.columns };
  for (const t0 = Date.now(); !reader.windowSize() && Date.now() - t0 < 500; ) {
    Atomics.wait(events.counter, 0, Atomics.load(events.counter, 0), 50);
  }
  return reader.windowSize() ?? { rows: 24, cols: 80 };
}

export function openHostConsole(opts: HostConsoleOptions = {}): HostConsole {
  const events = opts.events ?? new HostEvents();
  const plain = (): HostConsole => ({
    stdio: [new HostStdio(0, { events }), new HostStdio(1, { events }), new HostStdio(2, { events })],
    tty: null,
    events,
    restore: () => {},
    message: (text) => void process.stderr.write(text),
    terminalFor: () => null,
    suspend: () => {},
  });
  if (opts.emulateTerminal === false || !tty.isatty(0) || !inForeground()) return plain();

  // Raw mode through stty: Node's setRawMode leaves OPOST on, and the host would then add a second
  // CR to every line end the guest's terminal already turned into CR LF. Node itself puts the
  // terminal back as it found it when killed by SIGINT or SIGTERM.
  const saved = stty(['-g']);
  if (saved === null || stty(['raw', '-echo']) === null) return plain();
  const termios = initialTermios(saved);
  let restored = false;
  const restore = () => {
    if (restored) return;
    restored = true;
    process.off('exit', restore);
    stty([saved.trim()]);
  };
  process.on('exit', restore);

  const reader = new StdinReader(0, events, { terminal: true });
  // The line discipline must see ^C as it is typed, whether or not the guest reads: start now.
  reader.start();
  const outFd = sameTerminal(1, 0) ? 1 : sameTerminal(2, 0) ? 2 : 0;
  // glibc's dev_t for the terminal: Linux's own encoding (new_encode_dev) for these small numbers
  const ttyRdev = Number(fs.fstatSync(0).rdev);
  const size = hostSize(reader, events);
  let lastSize = size;
  const hrNs = () => Number(process.hrtime.bigint());
  const term: Tty = new Tty({
    output: (b) => void writeFully(outFd, b),
    pull: () => feed(),
    now: hrNs,
    rows: size.rows,
    cols: size.cols,
    termios,
    rdev: ttyRdev,
    path: stdioPath(0),
    stat: () => {
      try {
        return toStat(fs.fstatSync(0, { bigint: true }));
      } catch (e) {
        return hostErrno(e);
      }
    },
  });
  const feed = () => {
    reader.take((chunk) => term.input(chunk));
    if (reader.ended || reader.error) term.hangup();
  };
  events.onArrival(() => {
    feed();
    const ws = reader.windowSize();
    if (ws && (ws.rows !== lastSize.rows || ws.cols !== lastSize.cols)) {
      lastSize = ws;
      term.resize(ws.rows, ws.cols);
    }
  });
  const out = (fd: number) => (sameTerminal(fd, 0) ? term : new HostStdio(fd, { events }));
  const rawStderr = sameTerminal(2, 0);
  const message = (text: string) => {
    process.stderr.write(rawStderr && !restored ? text.replace(/\n/g, '\r\n') : text);
  };
  const terminalFor = (rdev: number) => (rdev === ttyRdev || rdev === DEV_TTY ? term : null);
  const suspend = () => {
    if (restored) return;
    stty([saved.trim()]);
    try {
      // to our own process group, as ^Z on a cooked terminal would; the main thread stops before
      // kill() returns, and continues here on SIGCONT
      process.kill(0, 'SIGTSTP');
    } catch {
      // not allowed: carry on
    }
    stty(['raw', '-echo']);
  };
  return { stdio: [term, out(1), out(2)], tty: term, events, restore, message, terminalFor, suspend };
}
