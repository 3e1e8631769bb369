/**
 * The N_TTY line discipline against Linux. Every expected echo and read below is what Linux 6.x
 * does on a fresh pty (checked on the host through a pty with the same settings and input
 * batches); the comments say why.
 */
import { describe, expect, it } from 'vitest';
import { SIG } from '../linux/abi.js';
import { EAGAIN, EFAULT, EINVAL, EIO, ENOTTY, EPERM, ESRCH } from '../linux/errno.js';
import {
  CLOCAL, CS7, ECHO, ECHOCTL, ECHOE, ECHOK, ECHOKE, ECHONL, ECHOPRT, FIONREAD, ICANON, ICRNL, IEXTEN, IGNCR, INLCR,
  ISIG, ISTRIP, IUCLC, IUTF8, IXANY, IXON, NOFLSH, OCRNL, OLCUC, ONLCR, ONLRET, ONOCR, OPOST, PARENB, PARMRK, TCFLSH,
  TCGETA, TCGETS, TCGETS2, TCIFLUSH, TCIOFF, TCOOFF, TCOON, TCSBRK, TCSETA, TCSETS, TCSETS2, TCSETSF, TCXONC,
  Termios, TIOCGDEV, TIOCGETD, TIOCGLCKTRMIOS, TIOCGPGRP, TIOCGSID, TIOCGSOFTCAR, TIOCGWINSZ, TIOCNOTTY, TIOCOUTQ,
  TIOCSCTTY, TIOCSETD, TIOCSLCKTRMIOS, TIOCSPGRP, TIOCSSOFTCAR, TIOCSTI, TIOCSWINSZ, TIOCVHANGUP, TOSTOP, VEOF, VEOL,
  VERASE, VINTR, VMIN, VTIME, XTABS,
} from './termios.js';
import { Tty, type TtyCaller, type TtyOptions } from './tty.js';
import { type IoctlMemory, POLLERR, POLLHUP, POLLIN, POLLOUT, POLLRDNORM, POLLWRNORM, S_IFCHR, S_IFMT, type Stat } from './types.js';

const DEFAULT_LFLAG = ISIG | ICANON | ECHO | ECHOE | ECHOK | ECHOCTL | ECHOKE | IEXTEN;
const lat = (b: Uint8Array) => String.fromCharCode(...b);
const bytes = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));

/** A terminal in a session (sid 100, foreground group 100), a fake clock, and what it showed. */
function term(set: { iflag?: number; oflag?: number; lflag?: number; cc?: Record<number, number> } = {}, opts: Partial<TtyOptions> = {}) {
  let shown = '';
  let nowNs = 1e9;
  const signals: [number, number][] = [];
  const tty = new Tty({ output: (b) => (shown += lat(b)), now: () => nowNs, ...opts });
  tty.jobControl = { signalGroup: (g, s) => signals.push([g, s]) };
  tty.setControlling(100, 100);
  const t = tty.termios.clone();
  if (set.iflag !== undefined) t.iflag = set.iflag;
  if (set.oflag !== undefined) t.oflag = set.oflag;
  if (set.lflag !== undefined) t.lflag = set.lflag;
  for (const [i, v] of Object.entries(set.cc ?? {})) t.cc[Number(i)] = v;
  tty.setTermios(t);
  return {
    tty,
    signals,
    /** keystrokes in one batch; returns what the terminal showed */
    type(s: string): string {
      shown = '';
      tty.input(bytes(s));
      return shown;
    },
    /** a read of up to n bytes: the text, or the negative errno */
    read(n = 100): string | number {
      const b = new Uint8Array(n);
      const r = tty.read(b);
      return r < 0 ? r : lat(b.subarray(0, r));
    },
    write(s: string): [number, string] {
      shown = '';
      const r = tty.write(bytes(s));
      return [r, shown];
    },
    set(change: (t: Termios) => void): void {
      const n = tty.termios.clone();
      change(n);
      tty.setTermios(n);
    },
    advance(ns: number): void {
      nowNs += ns;
    },
  };
}

/** Guest memory for ioctls: 256 bytes at address 0x1000. */
function memory() {
  const mem = new Uint8Array(256);
  const io: IoctlMemory = {
    read: (addr, len) => (addr >= 0x1000 && addr - 0x1000 + len <= 256 ? mem.slice(addr - 0x1000, addr - 0x1000 + len) : null),
    write: (addr, data) => {
      if (addr < 0x1000 || addr - 0x1000 + data.length > 256) return false;
      mem.set(data, addr - 0x1000);
      return true;
    },
  };
  const view = new DataView(mem.buffer);
  return {
    io,
    mem,
    i32: (off = 0) => view.getInt32(off, true),
    setI32: (v: number, off = 0) => view.setInt32(off, v, true),
  };
}
const A = 0x1000;

describe('settings a terminal starts with', () => {
  it('TCGETS gives Linux tty_std_termios in the 36-byte kernel struct', () => {
    const { tty } = term();
    const m = memory();
    m.mem.fill(0xee);
    expect(tty.ioctl(TCGETS, A, m.io)).toBe(0);
    const v = new DataView(m.mem.buffer);
    expect(v.getUint32(0, true)).toBe(0o2400); // ICRNL IXON
    expect(v.getUint32(4, true)).toBe(0o5); // OPOST ONLCR
    expect(v.getUint32(8, true)).toBe(0o2277); // B38400 CS8 CREAD HUPCL
    expect(v.getUint32(12, true)).toBe(0o105073); // ISIG ICANON ECHO ECHOE ECHOK ECHOCTL ECHOKE IEXTEN
    expect(m.mem[16]).toBe(0); // N_TTY
    // INIT_C_CC: ^C ^\ DEL ^U ^D, TIME 0, MIN 1, SWTC, ^Q ^S ^Z, EOL, ^R ^O ^W ^V, EOL2, two unused
    expect([...m.mem.subarray(17, 36)]).toEqual([3, 0x1c, 0x7f, 0x15, 4, 0, 1, 0, 0x11, 0x13, 0x1a, 0, 0x12, 0x0f, 0x17, 0x16, 0, 0, 0]);
    expect(m.mem[36]).toBe(0xee);
  });

  it('TCGETS2 adds the speeds; TCGETA is the 17 bytes of struct termio', () => {
    const { tty } = term();
    const m = memory();
    expect(tty.ioctl(TCGETS2, A, m.io)).toBe(0);
    expect([m.i32(36), m.i32(40)]).toEqual([38400, 38400]);
    m.mem.fill(0xee);
    expect(tty.ioctl(TCGETA, A, m.io)).toBe(0);
    const v = new DataView(m.mem.buffer);
    expect([v.getUint16(0, true), v.getUint16(2, true), v.getUint16(6, true)]).toEqual([0o2400, 0o5, 0o105073 & 0xffff]);
    expect([...m.mem.subarray(9, 17)]).toEqual([3, 0x1c, 0x7f, 0x15, 4, 0, 1, 0]);
    expect(m.mem[17]).toBe(0xee);
  });

  it('is a character device that cannot be truncated or synced, and stays usable when closed', () => {
    const { tty, type, read } = term();
    const st = tty.stat() as Stat;
    expect(st.mode & S_IFMT).toBe(S_IFCHR);
    expect(st.rdev).toBe(136 << 8); // /dev/pts/0
    expect(tty.path).toBe('/dev/pts/0');
    expect(tty.isTty).toBe(true);
    expect(tty.seekable).toBe(false);
    expect(tty.truncate()).toBe(-EINVAL);
    expect(tty.sync()).toBe(-EINVAL);
    tty.close();
    type('x\r');
    expect(read()).toBe('x\n');
  });
});

describe('canonical mode', () => {
  it('a read waits (-EAGAIN) for a whole line; the echo shows CR as CR LF', () => {
    const t = term();
    expect(t.read()).toBe(-EAGAIN);
    expect(t.type('hello')).toBe('hello');
    expect(t.read()).toBe(-EAGAIN);
    expect(t.tty.poll() & POLLIN).toBe(0);
    expect(t.type('\r')).toBe('\r\n'); // ICRNL makes it \n, echoed through ONLCR
    expect(t.tty.poll()).toBe(POLLIN | POLLRDNORM | POLLOUT | POLLWRNORM);
    expect(t.read()).toBe('hello\n');
    expect(t.read()).toBe(-EAGAIN);
  });

  it('one line per read, and a short buffer gets the rest of the line next time', () => {
    const t = term();
    t.type('ab\ncd\n');
    expect(t.read()).toBe('ab\n');
    expect(t.read()).toBe('cd\n');
    t.type('abcdef\n');
    expect(t.read(4)).toBe('abcd');
    expect(t.read(4)).toBe('ef\n');
    expect(t.read(4)).toBe(-EAGAIN);
  });

  it('ERASE takes back one character: \\b \\b', () => {
    const t = term();
    expect(t.type('abx\x7fc\r')).toBe('abx\b \bc\r\n');
    expect(t.read()).toBe('abc\n');
    expect(t.type('\x7f')).toBe(''); // nothing to erase
  });

  it('erasing a TAB backs up to where it started, counting columns since the line began', () => {
    const t = term();
    expect(t.type('ab\tc')).toBe('ab\tc');
    expect(t.type('\x7f')).toBe('\b \b');
    expect(t.type('\x7f')).toBe('\b\b\b\b\b\b'); // the tab went from column 2 to 8
    expect(t.type('\x7f\x7f')).toBe('\b \b\b \b');
  });

  it('the TAB erase counts from the column the line started in (after program output)', () => {
    const t = term();
    expect(t.write('xyz')).toEqual([3, 'xyz']);
    t.type('ab\t'); // columns 3, 4, then a tab to 8
    expect(t.type('\x7f')).toBe('\b\b\b');
  });

  it('a control character shown as ^X takes two columns to erase', () => {
    const t = term();
    expect(t.type('ab\x01')).toBe('ab^A');
    expect(t.type('\x7f')).toBe('\b \b\b \b');
    expect(t.type('\x7f')).toBe('\b \b');
  });

  it('without ECHOCTL control characters echo as themselves and erase silently', () => {
    const t = term({ lflag: DEFAULT_LFLAG & ~ECHOCTL });
    expect(t.type('a\x01\x1b')).toBe('a\x01\x1b');
    expect(t.type('\x7f\x7f')).toBe('');
    expect(t.type('\x03')).toBe('\x03');
  });

  it('without ECHOE, ERASE echoes the erase character', () => {
    const t = term({ lflag: DEFAULT_LFLAG & ~ECHOE });
    t.type('abc');
    expect(t.type('\x7f')).toBe('^?');
    t.type('\n');
    expect(t.read()).toBe('ab\n');
  });

  it('ECHOPRT shows erased characters between \\ and /', () => {
    const t = term({ lflag: DEFAULT_LFLAG | ECHOPRT });
    t.type('abc');
    expect(t.type('\x7f\x7f')).toBe('\\cb');
    expect(t.type('d')).toBe('/d');
    t.type('\n');
    expect(t.read()).toBe('ad\n');
  });

  it('WERASE erases a word and the blanks after it (alnum and _ form words)', () => {
    const t = term();
    t.type('hello world');
    expect(t.type('\x17')).toBe('\b \b'.repeat(5));
    expect(t.type('\x17')).toBe('\b \b'.repeat(6));
    expect(t.type('\x17')).toBe('');
    const u = term();
    u.type('foo bar_baz.qux  ');
    expect(u.type('\x17')).toBe('\b \b'.repeat(5)); // "qux  "
    expect(u.type('\x17')).toBe('\b \b'.repeat(8)); // "bar_baz." (the dot ends no word until alnums were seen)
    u.type('\r');
    expect(u.read()).toBe('foo \n');
  });

  it('KILL: erased character by character with ECHOKE, else echoed (and a newline with ECHOK)', () => {
    const a = term();
    a.type('abc');
    expect(a.type('\x15')).toBe('\b \b'.repeat(3));
    const b = term({ lflag: DEFAULT_LFLAG & ~ECHOKE });
    b.type('abc');
    expect(b.type('\x15')).toBe('^U\r\n');
    const c = term({ lflag: DEFAULT_LFLAG & ~ECHOKE & ~ECHOK });
    c.type('abc');
    expect(c.type('\x15')).toBe('^U');
    expect(c.type('d\r')).toBe('d\r\n');
    expect(c.read()).toBe('d\n');
    const d = term({ lflag: DEFAULT_LFLAG & ~ECHO });
    expect(d.type('abc\x15d\r')).toBe('');
    expect(d.read()).toBe('d\n');
  });

  it('with IUTF8 an erase takes a whole UTF-8 character; without it, one byte', () => {
    const u = term({ iflag: ICRNL | IXON | IUTF8 });
    u.type('caf\xc3\xa9');
    expect(u.type('\x7f')).toBe('\b \b');
    u.type('\r');
    expect(u.read()).toBe('caf\n');
    const b = term();
    b.type('caf\xc3\xa9');
    expect(b.type('\x7f')).toBe('\b \b');
    b.type('\r');
    expect(b.read()).toBe('caf\xc3\n');
    const w = term({ iflag: ICRNL | IXON | IUTF8 });
    w.type('x \xc3\xa9t\xc3\xa9');
    expect(w.type('\x17')).toBe('\b \b'.repeat(3)); // é is a letter (Latin-1 lead byte)
    w.type('\r');
    expect(w.read()).toBe('x \n');
  });

  it('EOF (^D) ends a line without itself; at the start of a line it reads as 0 bytes', () => {
    const t = term();
    t.type('abc\x04');
    expect(t.read()).toBe('abc');
    expect(t.read()).toBe(-EAGAIN);
    t.type('\x04');
    expect(t.read()).toBe('');
    const u = term();
    expect(u.type('ab\ncd\n\x04ef')).toBe('ab\r\ncd\r\nef');
    expect(u.tty.ioctl(FIONREAD, A, memory().io)).toBe(0);
    expect(u.tty.available()).toBe(6); // complete lines, without the EOF mark
    expect(u.read()).toBe('ab\n');
    expect(u.read()).toBe('cd\n');
    expect(u.read()).toBe('');
    expect(u.read()).toBe(-EAGAIN);
  });

  it('a read that stops right before an EOF mark eats the mark', () => {
    const t = term();
    t.type('abc\x04def\n');
    expect(t.read(3)).toBe('abc');
    expect(t.read()).toBe('def\n');
  });

  it('LNEXT (^V) takes the next character literally, showing ^ then backing over it', () => {
    const t = term();
    expect(t.type('x\x16\x03y\x16\x7f\r')).toBe('x^\b^Cy^\b^?\r\n');
    expect(t.read()).toBe('x\x03y\x7f\n');
    const u = term();
    expect(u.type('x\x16')).toBe('x^\b');
    expect(u.type('\x15')).toBe('^U');
  });

  it('REPRINT (^R) shows the line again', () => {
    const t = term();
    t.type('one\n');
    t.type('two');
    expect(t.type('\x12')).toBe('^R\r\ntwo');
    t.type('\n');
    expect(t.read()).toBe('one\n');
    expect(t.read()).toBe('two\n');
  });

  it('escape sequences (arrow keys) are plain characters, echoed as ^[', () => {
    const t = term();
    expect(t.type('a\x01b\x1b[A\r')).toBe('a^Ab^[[A\r\n');
    expect(t.read()).toBe('a\x01b\x1b[A\n');
  });

  it('VEOL ends a line too, and is kept', () => {
    const t = term({ cc: { [VEOL]: 0x3b } });
    expect(t.type('ab;cd')).toBe('ab;cd');
    expect(t.read()).toBe('ab;');
    expect(t.read()).toBe(-EAGAIN);
  });

  it('a disabled character (0) never acts: NUL is data even when VEOF is 0', () => {
    const t = term({ cc: { [VEOF]: 0 } });
    t.type('a\x04\x00\n');
    expect(t.read()).toBe('a\x04\x00\n');
  });

  it('ECHONL echoes newlines even without ECHO', () => {
    const t = term({ lflag: (DEFAULT_LFLAG & ~ECHO) | ECHONL });
    expect(t.type('ab\n')).toBe('\r\n');
    expect(t.read()).toBe('ab\n');
  });

  it('lines stop growing at 4095 bytes; the newline still ends them', () => {
    const t = term();
    expect(t.tty.input(bytes('x'.repeat(5000)))).toBe(5000); // taken, the excess dropped
    t.type('\n');
    const line = t.read(5000) as string;
    expect(line.length).toBe(4096);
    expect(line.endsWith('x\n')).toBe(true);
    expect(t.read(5000)).toBe(-EAGAIN);
  });
});

describe('input translation', () => {
  it('ICRNL, INLCR, IGNCR', () => {
    const a = term({ iflag: IXON | INLCR });
    expect(a.type('a\rb\n')).toBe('a^Mb^M'); // CR stays CR, NL becomes CR: no line ends
    expect(a.read()).toBe(-EAGAIN);
    const b = term({ iflag: IXON | IGNCR });
    expect(b.type('a\rb\n')).toBe('ab\r\n');
    expect(b.read()).toBe('ab\n');
  });

  it('ISTRIP clears bit 7; IUCLC (with IEXTEN) lowers letters', () => {
    const a = term({ iflag: ICRNL | IXON | ISTRIP });
    expect(a.type('\xe1\n')).toBe('a\r\n');
    expect(a.read()).toBe('a\n');
    const b = term({ iflag: ICRNL | IXON | IUCLC });
    expect(b.type('ABC\n')).toBe('abc\r\n');
    const c = term({ iflag: ICRNL | IXON | IUCLC, lflag: DEFAULT_LFLAG & ~IEXTEN });
    expect(c.type('ABC\n')).toBe('ABC\r\n');
  });

  it('PARMRK doubles a 0xff byte', () => {
    const t = term({ iflag: ICRNL | IXON | PARMRK });
    expect(t.type('\xff\n')).toBe('\xff\r\n');
    expect(t.read()).toBe('\xff\xff\n');
  });
});

describe('signals from the keyboard', () => {
  it('^C, ^\\ and ^Z signal the foreground group and echo as ^C ^\\ ^Z', () => {
    const t = term();
    expect(t.type('\x03')).toBe('^C');
    expect(t.type('\x1c')).toBe('^\\');
    expect(t.type('\x1a')).toBe('^Z');
    expect(t.signals).toEqual([
      [100, SIG.SIGINT],
      [100, SIG.SIGQUIT],
      [100, SIG.SIGTSTP],
    ]);
  });

  it('the signal flushes the input typed so far, unless NOFLSH', () => {
    const t = term();
    expect(t.type('x\x03')).toBe('^C'); // x's echo was not yet out: flushed with the input
    expect(t.type('y\n')).toBe('y\r\n');
    expect(t.read()).toBe('y\n');
    const n = term({ lflag: DEFAULT_LFLAG | NOFLSH });
    n.type('ab');
    expect(n.type('\x03')).toBe('^C');
    n.type('cd\n');
    expect(n.read()).toBe('abcd\n');
  });

  it('without ISIG they are data; without a foreground group nobody is signalled', () => {
    const t = term({ lflag: DEFAULT_LFLAG & ~ISIG });
    expect(t.type('a\x03\x1c\x1a\n')).toBe('a^C^\\^Z\r\n');
    expect(t.read()).toBe('a\x03\x1c\x1a\n');
    expect(t.signals).toEqual([]);
    const u = term();
    u.tty.pgrp = 0;
    u.type('\x03');
    expect(u.signals).toEqual([]);
  });

  it('a changed VINTR is the one that interrupts', () => {
    const t = term({ cc: { [VINTR]: 0x07 } });
    t.type('\x03\x07');
    expect(t.signals).toEqual([[100, SIG.SIGINT]]);
  });
});

describe('non-canonical mode', () => {
  const RAW_LFLAG = DEFAULT_LFLAG & ~ICANON;

  it('VMIN 1: every byte is readable at once; echo shows control characters as ^X', () => {
    const t = term({ lflag: RAW_LFLAG });
    expect(t.read()).toBe(-EAGAIN);
    expect(t.type('a\r\n\x01\x7f\t\x04')).toBe('a\r\n^J^A^?\t^D');
    expect(t.read()).toBe('a\n\n\x01\x7f\t\x04');
    const u = term({ lflag: RAW_LFLAG, iflag: 0 });
    expect(u.type('\r')).toBe('^M');
    expect(u.read()).toBe('\r');
  });

  it('VMIN 3: a read waits until 3 bytes are there (or the buffer is smaller); poll agrees', () => {
    const t = term({ lflag: RAW_LFLAG & ~ECHO, cc: { [VMIN]: 3 } });
    t.type('ab');
    expect(t.tty.poll() & POLLIN).toBe(0);
    expect(t.read()).toBe(-EAGAIN);
    expect(t.read(2)).toBe('ab');
    t.type('cd');
    t.type('e');
    expect(t.tty.poll() & POLLIN).toBe(POLLIN);
    expect(t.read()).toBe('cde');
  });

  it('VMIN 0, VTIME 0: a read never waits', () => {
    const t = term({ lflag: RAW_LFLAG, cc: { [VMIN]: 0 } });
    expect(t.read()).toBe('');
    t.type('x');
    expect(t.read()).toBe('x');
  });

  it('VMIN 0, VTIME 5: a read returns what arrives within 0.5 s, else 0 bytes', () => {
    const t = term({ lflag: RAW_LFLAG, cc: { [VMIN]: 0, [VTIME]: 5 } });
    expect(t.read()).toBe(-EAGAIN);
    expect(t.tty.readyAtNs()).toBe(1e9 + 5e8);
    t.advance(4e8);
    expect(t.read()).toBe(-EAGAIN);
    t.advance(1e8);
    expect(t.read()).toBe('');
    expect(t.read()).toBe(-EAGAIN); // a new read, a new timeout
    t.type('q');
    expect(t.read()).toBe('q');
    expect(t.tty.readyAtNs()).toBe(Infinity);
  });

  it('VMIN 3, VTIME 2: after the first byte, 0.2 s without more ends the read', () => {
    const t = term({ lflag: RAW_LFLAG, cc: { [VMIN]: 3, [VTIME]: 2 } });
    expect(t.read()).toBe(-EAGAIN);
    expect(t.tty.readyAtNs()).toBe(Infinity); // no timer before a byte arrives
    t.type('a');
    expect(t.read()).toBe(-EAGAIN);
    t.advance(1e8);
    t.type('b'); // restarts the timer
    expect(t.read()).toBe(-EAGAIN);
    expect(t.tty.readyAtNs()).toBe(1.1e9 + 2e8);
    t.advance(2e8);
    expect(t.read()).toBe('ab');
  });

  it('leaving canonical mode releases a partial line; an EOF mark becomes a NUL byte', () => {
    const t = term();
    t.type('ab\x04c');
    t.set((s) => (s.lflag &= ~ICANON));
    expect(t.read()).toBe('ab\x00c');
  });

  it('entering canonical mode makes pending input a line', () => {
    const t = term({ lflag: RAW_LFLAG });
    t.type('ab');
    t.set((s) => (s.lflag |= ICANON));
    expect(t.tty.available()).toBe(2);
    expect(t.read()).toBe('ab');
    expect(t.read()).toBe(-EAGAIN);
  });

  it('the buffer takes 4095 bytes; the host keeps the rest until there is room', () => {
    const t = term({ lflag: RAW_LFLAG & ~ECHO });
    expect(t.tty.input(bytes('x'.repeat(5000)))).toBe(4095);
    expect(t.tty.available()).toBe(4095);
    expect((t.read(5000) as string).length).toBe(4095);
    expect(t.tty.input(bytes('x'.repeat(905)))).toBe(905);
  });

  it('a terminal with no processing at all passes bytes through', () => {
    const t = term({ iflag: 0, lflag: 0, oflag: 0 });
    expect(t.type('\x03\r\x7f\xff')).toBe('');
    expect(t.read()).toBe('\x03\r\x7f\xff');
  });
});

describe('output processing', () => {
  it('ONLCR turns NL into CR NL; without OPOST nothing changes', () => {
    expect(term().write('a\nb\n')).toEqual([4, 'a\r\nb\r\n']);
    expect(term({ oflag: 0 }).write('a\nb\n')).toEqual([4, 'a\nb\n']);
  });

  it('OCRNL, ONOCR, ONLRET, OLCUC, XTABS', () => {
    expect(term({ oflag: OPOST | ONLCR | OCRNL }).write('a\rb\n')).toEqual([4, 'a\nb\r\n']);
    expect(term({ oflag: OPOST | ONOCR | ONLRET }).write('\ra\rb\n')).toEqual([5, 'a\rb\n']);
    expect(term({ oflag: OPOST | ONLCR | OLCUC }).write('Hello \xe9\n')).toEqual([8, 'HELLO \xc9\r\n']);
    expect(term({ oflag: OPOST | ONLCR | XTABS }).write('a\tbc\td\n')).toEqual([7, 'a       bc      d\r\n']);
  });

  it('echoes go through output processing too', () => {
    const t = term({ oflag: OPOST | ONLCR | XTABS });
    expect(t.type('a\tb')).toBe('a       b');
    expect(t.type('\x7f\x7f')).toBe('\b \b\b\b\b\b\b\b\b');
  });
});

describe('flow control', () => {
  it('^S stops output (writes wait, echoes are held); ^Q restarts it', () => {
    const t = term();
    expect(t.type('\x13abc')).toBe('');
    expect(t.write('out')).toEqual([-EAGAIN, '']);
    expect(t.tty.poll() & POLLOUT).toBe(0);
    expect(t.type('\x11')).toBe('abc');
    expect(t.write('out')).toEqual([3, 'out']);
    expect(t.read()).toBe(-EAGAIN); // ^S and ^Q are not data
  });

  it('with IXANY any key restarts output; ^C does too', () => {
    const t = term({ iflag: ICRNL | IXON | IXANY });
    t.type('\x13');
    expect(t.write('out')[0]).toBe(-EAGAIN);
    expect(t.type('z')).toBe('z');
    expect(t.write('more')).toEqual([4, 'more']);
    const u = term();
    u.type('\x13');
    expect(u.type('\x03')).toBe('^C');
    expect(u.write('x')).toEqual([1, 'x']);
  });

  it('without IXON ^S and ^Q are data', () => {
    const t = term({ iflag: ICRNL });
    t.type('\x13\x11\n');
    expect(t.read()).toBe('\x13\x11\n');
  });

  it('TCXONC: TCOOFF/TCOON stop and start output, TCIOFF sends STOP', () => {
    const t = term();
    const m = memory();
    expect(t.tty.ioctl(TCXONC, TCOOFF, m.io)).toBe(0);
    expect(t.write('x')[0]).toBe(-EAGAIN);
    t.type('\x11'); // ^Q cannot undo TCOOFF
    expect(t.write('x')[0]).toBe(-EAGAIN);
    expect(t.tty.ioctl(TCXONC, TCOON, m.io)).toBe(0);
    expect(t.write('x')).toEqual([1, 'x']);
    let shown = '';
    const u = new Tty({ output: (b) => (shown += lat(b)) });
    expect(u.ioctl(TCXONC, TCIOFF, m.io)).toBe(0);
    expect(shown).toBe('\x13');
    expect(u.ioctl(TCXONC, 9, m.io)).toBe(-EINVAL);
  });
});

describe('ioctls', () => {
  it('TCSETS changes the settings; the pty keeps CS8 and CREAD and drops PARENB', () => {
    const t = term();
    const m = memory();
    t.tty.ioctl(TCGETS, A, m.io);
    const v = new DataView(m.mem.buffer);
    v.setUint32(12, DEFAULT_LFLAG & ~(ICANON | ECHO), true);
    v.setUint32(8, (v.getUint32(8, true) & ~0o60) | CS7 | PARENB, true);
    m.mem[17 + VMIN] = 2;
    expect(t.tty.ioctl(TCSETS, A, m.io)).toBe(0);
    expect(t.tty.termios.lflag).toBe(DEFAULT_LFLAG & ~(ICANON | ECHO));
    expect(t.tty.termios.cflag & (0o60 | PARENB)).toBe(0o60);
    expect(t.tty.termios.cc[VMIN]).toBe(2);
    expect(t.tty.ioctl(TCSETS, 0x10ff0, m.io)).toBe(-EFAULT);
  });

  it('TCSETSF discards pending input, TCSETS keeps it', () => {
    const t = term();
    const m = memory();
    t.tty.ioctl(TCGETS, A, m.io);
    t.type('abc\n');
    expect(t.tty.ioctl(TCSETS, A, m.io)).toBe(0);
    expect(t.tty.available()).toBe(4);
    expect(t.tty.ioctl(TCSETSF, A, m.io)).toBe(0);
    expect(t.tty.available()).toBe(0);
  });

  it('TCSETS2 takes the speeds of BOTHER; TCSETA changes only the low 16 bits', () => {
    const t = term();
    const m = memory();
    t.tty.ioctl(TCGETS2, A, m.io);
    const v = new DataView(m.mem.buffer);
    v.setUint32(8, (v.getUint32(8, true) & ~0o10017) | 0o10000, true); // BOTHER
    v.setUint32(36, 12345, true);
    v.setUint32(40, 23456, true);
    expect(t.tty.ioctl(TCSETS2, A, m.io)).toBe(0);
    m.mem.fill(0);
    t.tty.ioctl(TCGETS2, A, m.io);
    expect([m.i32(36), m.i32(40)]).toEqual([23456, 23456]); // input speed 0 in CIBAUD: same as output
    t.tty.ioctl(TCGETA, A, m.io);
    v.setUint16(6, 0, true); // lflag low bits cleared
    expect(t.tty.ioctl(TCSETA, A, m.io)).toBe(0);
    expect(t.tty.termios.lflag).toBe(DEFAULT_LFLAG & 0xffff0000);
  });

  it('TCFLSH discards input; other arguments are EINVAL', () => {
    const t = term();
    const m = memory();
    t.type('abc');
    expect(t.tty.ioctl(TCFLSH, TCIFLUSH, m.io)).toBe(0);
    t.type('d\n');
    expect(t.read()).toBe('d\n');
    expect(t.tty.ioctl(TCFLSH, 3, m.io)).toBe(-EINVAL);
    expect(t.tty.ioctl(TCSBRK, 1, m.io)).toBe(0);
  });

  it('locked settings keep their old values', () => {
    const t = term();
    const m = memory();
    const locked = new Termios();
    locked.lflag = ECHO;
    locked.cc[VERASE] = 1;
    m.mem.set(locked.encode());
    expect(t.tty.ioctl(TIOCSLCKTRMIOS, A, m.io)).toBe(0);
    t.set((s) => {
      s.lflag &= ~(ECHO | ICANON);
      s.cc[VERASE] = 8;
    });
    expect(t.tty.termios.lflag & (ECHO | ICANON)).toBe(ECHO);
    expect(t.tty.termios.cc[VERASE]).toBe(0x7f);
    m.mem.fill(0);
    expect(t.tty.ioctl(TIOCGLCKTRMIOS, A, m.io)).toBe(0);
    expect(m.i32(12)).toBe(ECHO);
  });

  it('window size: TIOCGWINSZ, TIOCSWINSZ, and SIGWINCH only when it changes', () => {
    const t = term({}, { rows: 33, cols: 120 });
    const m = memory();
    expect(t.tty.ioctl(TIOCGWINSZ, A, m.io)).toBe(0);
    const v = new DataView(m.mem.buffer);
    expect([v.getUint16(0, true), v.getUint16(2, true), v.getUint16(4, true), v.getUint16(6, true)]).toEqual([33, 120, 0, 0]);
    expect(t.tty.ioctl(TIOCSWINSZ, A, m.io)).toBe(0);
    expect(t.signals).toEqual([]);
    v.setUint16(4, 640, true);
    expect(t.tty.ioctl(TIOCSWINSZ, A, m.io)).toBe(0);
    expect(t.signals).toEqual([[100, SIG.SIGWINCH]]);
    t.tty.resize(40, 100);
    t.tty.resize(40, 100);
    expect(t.signals).toEqual([
      [100, SIG.SIGWINCH],
      [100, SIG.SIGWINCH],
    ]);
    expect(t.tty.windowSize).toEqual({ rows: 40, cols: 100, xpixel: 0, ypixel: 0 });
    expect(t.tty.ioctl(TIOCGWINSZ, 0x10fc, m.io)).toBe(-EFAULT);
  });

  it('FIONREAD, TIOCOUTQ, TIOCSTI, TIOCGETD/TIOCSETD, TIOCGDEV, soft carrier', () => {
    const t = term();
    const m = memory();
    t.type('ab\ncd');
    expect(t.tty.ioctl(FIONREAD, A, m.io)).toBe(0);
    expect(m.i32()).toBe(3);
    expect(t.tty.ioctl(TIOCOUTQ, A, m.io)).toBe(0);
    expect(m.i32()).toBe(0);
    m.mem[0] = 0x0a;
    expect(t.tty.ioctl(TIOCSTI, A, m.io)).toBe(0); // as if typed
    expect(t.read()).toBe('ab\n');
    expect(t.read()).toBe('cd\n');
    expect(t.tty.ioctl(TIOCGETD, A, m.io)).toBe(0);
    expect(m.i32()).toBe(0);
    m.setI32(0);
    expect(t.tty.ioctl(TIOCSETD, A, m.io)).toBe(0);
    m.setI32(1);
    expect(t.tty.ioctl(TIOCSETD, A, m.io)).toBe(-EINVAL);
    expect(t.tty.ioctl(TIOCGDEV, A, m.io)).toBe(0);
    expect(m.i32()).toBe(136 << 8);
    m.setI32(1);
    expect(t.tty.ioctl(TIOCSSOFTCAR, A, m.io)).toBe(0);
    expect(t.tty.termios.cflag & CLOCAL).toBe(CLOCAL);
    expect(t.tty.ioctl(TIOCGSOFTCAR, A, m.io)).toBe(0);
    expect(m.i32()).toBe(1);
    expect(t.tty.ioctl(0x5401 + 0x1000, A, m.io)).toBe(-ENOTTY);
  });
});

describe('job control', () => {
  /** A terminal whose caller the test sets; sessions: 100 (groups 100, 101), 200 (group 200). */
  function jobs() {
    const t = term();
    let caller: TtyCaller = { pid: 100, pgid: 100, sid: 100 };
    const checks: number[] = [];
    t.tty.jobControl = {
      signalGroup: (g, s) => t.signals.push([g, s]),
      caller: () => caller,
      sessionOf: (id) => (id === 100 || id === 101 ? 100 : id === 200 ? 200 : -1),
      hasTerminal: (sid) => sid === 100,
      background: (sig) => (checks.push(sig), sig === SIG.SIGTTIN ? -512 : 0),
    };
    return { ...t, checks, as: (c: TtyCaller) => (caller = c) };
  }

  it('TIOCGPGRP/TIOCSPGRP: the session may pick one of its groups', () => {
    const j = jobs();
    const m = memory();
    expect(j.tty.ioctl(TIOCGPGRP, A, m.io)).toBe(0);
    expect(m.i32()).toBe(100);
    m.setI32(101);
    expect(j.tty.ioctl(TIOCSPGRP, A, m.io)).toBe(0);
    expect(j.tty.pgrp).toBe(101);
    m.setI32(200);
    expect(j.tty.ioctl(TIOCSPGRP, A, m.io)).toBe(-EPERM); // another session's group
    m.setI32(555);
    expect(j.tty.ioctl(TIOCSPGRP, A, m.io)).toBe(-ESRCH);
    m.setI32(-1);
    expect(j.tty.ioctl(TIOCSPGRP, A, m.io)).toBe(-EINVAL);
    j.as({ pid: 200, pgid: 200, sid: 200 });
    expect(j.tty.ioctl(TIOCGPGRP, A, m.io)).toBe(-ENOTTY); // not its terminal
    expect(j.tty.ioctl(TIOCGSID, A, m.io)).toBe(-ENOTTY);
  });

  it('TIOCGSID gives the session', () => {
    const j = jobs();
    const m = memory();
    expect(j.tty.ioctl(TIOCGSID, A, m.io)).toBe(0);
    expect(m.i32()).toBe(100);
  });

  it('TIOCSCTTY: only a session leader without a terminal; stealing needs arg 1', () => {
    const j = jobs();
    const m = memory();
    expect(j.tty.ioctl(TIOCSCTTY, 0, m.io)).toBe(0); // already the leader's terminal
    j.as({ pid: 201, pgid: 200, sid: 200 });
    expect(j.tty.ioctl(TIOCSCTTY, 0, m.io)).toBe(-EPERM); // not a leader
    j.as({ pid: 200, pgid: 200, sid: 200 });
    expect(j.tty.ioctl(TIOCSCTTY, 0, m.io)).toBe(-EPERM); // the terminal belongs to session 100
    expect(j.tty.ioctl(TIOCSCTTY, 1, m.io)).toBe(0); // root steals it
    expect([j.tty.session, j.tty.pgrp]).toEqual([200, 200]);
  });

  it('TIOCNOTTY by the session leader: SIGHUP and SIGCONT for the foreground group, no more terminal', () => {
    const j = jobs();
    const m = memory();
    j.as({ pid: 300, pgid: 300, sid: 300 });
    expect(j.tty.ioctl(TIOCNOTTY, 0, m.io)).toBe(-ENOTTY);
    j.as({ pid: 100, pgid: 100, sid: 100 });
    expect(j.tty.ioctl(TIOCNOTTY, 0, m.io)).toBe(0);
    expect(j.signals).toEqual([
      [100, SIG.SIGHUP],
      [100, SIG.SIGCONT],
    ]);
    expect([j.tty.session, j.tty.pgrp]).toEqual([0, 0]);
  });

  it('a background group: reads ask the kernel (SIGTTIN), writes only under TOSTOP (SIGTTOU)', () => {
    const j = jobs();
    j.as({ pid: 101, pgid: 101, sid: 100 });
    j.type('x\n');
    expect(j.read()).toBe(-512); // what the kernel answered
    expect(j.write('a')[0]).toBe(1);
    j.set((s) => (s.lflag |= TOSTOP));
    expect(j.write('a')[0]).toBe(1); // the kernel let it write
    expect(j.checks).toEqual([SIG.SIGTTIN, SIG.SIGTTOU]);
    expect(j.tty.ioctl(TCSBRK, 1, memory().io)).toBe(0); // tcdrain asks too
    expect(j.checks).toEqual([SIG.SIGTTIN, SIG.SIGTTOU, SIG.SIGTTOU]);
    j.as({ pid: 100, pgid: 100, sid: 100 });
    expect(j.read()).toBe('x\n');
  });
});

describe('hangup', () => {
  it('reads end (0), writes fail (EIO), poll reports it, signals go to the groups', () => {
    const t = term();
    t.type('abc\n');
    t.tty.hangup();
    expect(t.signals).toEqual([
      [100, SIG.SIGHUP],
      [100, SIG.SIGCONT],
    ]);
    expect(t.read()).toBe('');
    expect(t.write('x')[0]).toBe(-EIO);
    expect(t.tty.poll()).toBe(POLLIN | POLLOUT | POLLERR | POLLHUP | POLLRDNORM | POLLWRNORM);
    const m = memory();
    expect(t.tty.ioctl(TCGETS, A, m.io)).toBe(-EIO);
    expect(t.tty.ioctl(TIOCSPGRP, A, m.io)).toBe(-ENOTTY);
    expect(t.type('more')).toBe('');
  });

  it('TIOCVHANGUP hangs up', () => {
    const t = term();
    expect(t.tty.ioctl(TIOCVHANGUP, 0, memory().io)).toBe(0);
    expect(t.write('x')[0]).toBe(-EIO);
  });
});

describe('the host side', () => {
  it('pull() runs before reads, polls and FIONREAD', () => {
    let tty!: Tty;
    const queued = [bytes('late\n')];
    tty = new Tty({ output: () => {}, pull: () => void (queued.length && tty.input(queued.shift()!)) });
    const b = new Uint8Array(10);
    expect(tty.read(b)).toBe(5);
    queued.push(bytes('x\n'));
    expect(tty.available()).toBe(2);
    queued.push(bytes('y\n'));
    expect(tty.poll() & POLLIN).toBe(POLLIN);
  });

  it('output arrives in one piece per write', () => {
    const pieces: string[] = [];
    const tty = new Tty({ output: (b) => pieces.push(lat(b)) });
    tty.write(bytes('one\ntwo\n'));
    expect(pieces).toEqual(['one\r\ntwo\r\n']);
  });
});

// keep the imported constants honest (the oracle cases above use numeric flag sets)
it('flag values are the asm-generic ones', () => {
  expect([ICANON, ECHO, ISIG, IEXTEN, ECHOCTL, ECHOKE, ECHOPRT, NOFLSH, TOSTOP]).toEqual([2, 8, 1, 0o100000, 0o1000, 0o4000, 0o2000, 0o200, 0o400]);
  expect([ICRNL, INLCR, IGNCR, IXON, IXANY, IUTF8, PARMRK, ISTRIP, IUCLC]).toEqual([0o400, 0o100, 0o200, 0o2000, 0o4000, 0o40000, 0o10, 0o40, 0o1000]);
  expect([OPOST, ONLCR, OCRNL, ONOCR, ONLRET, OLCUC, XTABS]).toEqual([1, 4, 0o10, 0o20, 0o40, 2, 0o14000]);
});
