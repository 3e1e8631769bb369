/**
 * A terminal with Linux's N_TTY line discipline, as a file handle. The host feeds keystrokes in
 * with `input()`; the line discipline edits lines (ICANON), echoes (ECHO*), maps CR and NL (ICRNL,
 * INLCR, IGNCR), turns ^C ^\ ^Z into signals for the foreground process group (ISIG) and honours
 * ^S/^Q (IXON). Guest writes get output processing (OPOST: ONLCR, OCRNL, ONOCR, ONLRET, OLCUC,
 * XTABS) and go to the `output` callback with the echoes. It behaves like the slave side of a
 * Unix98 pty, whose master is the host (a terminal window, xterm.js, the CLI's own terminal).
 *
 * It never blocks: read() returns -EAGAIN when Linux would sleep (no complete line in canonical
 * mode, fewer than VMIN bytes otherwise, or VTIME not yet run out: see readyAtNs), write() returns
 * -EAGAIN while output is stopped; the kernel parks the thread and retries.
 *
 * The structure follows drivers/tty/n_tty.c closely (the same ring buffer indices and echo buffer
 * operations) so that its corner cases agree: erase of tabs and UTF-8 characters, EOF in the
 * middle of a line, what ISIG flushes, the 4095-byte line limit.
 */
import { SIG } from '../linux/abi.js';
import { EAGAIN, EFAULT, EINVAL, EIO, ENOTTY, EPERM, ESRCH } from '../linux/errno.js';
import { makeStat } from './synthetic.js';
import {
  CLOCAL, CREAD, CS8, CSIZE, DISABLED_CHAR, ECHO, ECHOCTL, ECHOE, ECHOK, ECHOKE, ECHONL, ECHOPRT,
  EXTPROC, FIONREAD, ICANON, ICRNL, IEXTEN, IGNCR, INLCR, ISIG, ISTRIP, IUCLC, IUTF8, IXANY, IXON, N_TTY, NOFLSH,
  OCRNL, OLCUC, ONLCR, ONLRET, ONOCR, OPOST, PARENB, PARMRK, TABDLY, TCFLSH, TCGETA, TCGETS, TCGETS2, TCIFLUSH,
  TCIOFF, TCIOFLUSH, TCION, TCOFLUSH, TCOOFF, TCOON, TCSBRK, TCSBRKP, TCSETA, TCSETAF, TCSETAW, TCSETS, TCSETS2,
  TCSETSF, TCSETSF2, TCSETSW, TCSETSW2, TCXONC, TERMIO_SIZE, TERMIOS2_SIZE, TERMIOS_SIZE, Termios, TIOCCBRK,
  TIOCEXCL, TIOCGDEV, TIOCGETD, TIOCGEXCL, TIOCGLCKTRMIOS, TIOCGPGRP, TIOCGSID, TIOCGSOFTCAR, TIOCGWINSZ,
  TIOCNOTTY, TIOCNXCL, TIOCOUTQ, TIOCSBRK, TIOCSCTTY, TIOCSETD, TIOCSLCKTRMIOS, TIOCSPGRP, TIOCSSOFTCAR, TIOCSTI,
  TIOCSWINSZ, TIOCVHANGUP, TOSTOP, VEOF, VEOL, VEOL2, VERASE, VINTR, VKILL, VLNEXT, VMIN, VQUIT, VREPRINT, VSTART,
  VSTOP, VSUSP, VTIME, VWERASE, WINSIZE_SIZE, XTABS,
} from './termios.js';
import {
  type Err, type FileHandle, type IoctlMemory, POLLERR, POLLHUP, POLLIN, POLLOUT, POLLRDNORM, POLLWRNORM, S_IFCHR,
  type Stat,
} from './types.js';

/** N_TTY_BUF_SIZE: the read buffer, and the longest canonical line (with its terminator). */
const BUF_SIZE = 4096;
const MASK = BUF_SIZE - 1;

// Echo buffer operations (an ECHO_OP_START byte, then one of these or a control character to echo as ^X)
const ECHO_OP_START = 0xff;
const ECHO_OP_MOVE_BACK_COL = 0x80;
const ECHO_OP_SET_CANON_COL = 0x81;
const ECHO_OP_ERASE_TAB = 0x82;
const ECHO_COMMIT_WATERMARK = 256;
const ECHO_BLOCK = 256;
const ECHO_DISCARD_WATERMARK = BUF_SIZE - (ECHO_BLOCK + 32);

/** Linux's major number for Unix98 pty slaves (/dev/pts/N). */
export const PTS_MAJOR = 136;

// Character classes of the kernel's lib/ctype.c (Latin-1): what iscntrl, isalnum, tolower see.
const isCntrl = (c: number) => c < 0x20 || c === 0x7f;
const isUpper = (c: number) => (c >= 0x41 && c <= 0x5a) || (c >= 0xc0 && c <= 0xde && c !== 0xd7);
const isLower = (c: number) => (c >= 0x61 && c <= 0x7a) || (c >= 0xdf && c !== 0xf7);
const isAlnum = (c: number) => (c >= 0x30 && c <= 0x39) || isUpper(c) || isLower(c);
const toLower = (c: number) => (isUpper(c) ? c + 32 : c);
const toUpper = (c: number) => (isLower(c) ? c - 32 : c);

export interface WindowSize {
  rows: number;
  cols: number;
  xpixel?: number;
  ypixel?: number;
}

/** The process making a terminal request, as the kernel sees it. */
export interface TtyCaller {
  pid: number;
  pgid: number;
  sid: number;
}

/**
 * What the kernel tells a terminal about processes. Each hook is optional except signalGroup; a
 * missing one makes the corresponding check pass (the terminal is then lenient, as for tests).
 * The controlling terminal of a process is the terminal whose `session` is the process's session.
 */
export interface TtyJobControl {
  /** Sends `sig` to every process in process group `pgrp` (ISIG characters, SIGWINCH, hangup). */
  signalGroup(pgrp: number, sig: number): void;
  /** The process making the current request. */
  caller?(): TtyCaller;
  /** The session of the process group (or process) `id`, or -1 when there is none (TIOCSPGRP). */
  sessionOf?(id: number): number;
  /** Whether session `sid` already has a controlling terminal (TIOCSCTTY refuses a second). */
  hasTerminal?(sid: number): boolean;
  /**
   * A process of a background process group used its controlling terminal: `sig` is SIGTTIN for a
   * read, SIGTTOU for a write under TOSTOP or a change of settings. Linux's tty_check_change: 0
   * lets it proceed (SIGTTOU ignored or blocked); -EIO when the signal is ignored or blocked
   * (SIGTTIN) or the group is orphaned; otherwise the kernel signals the caller's process group
   * and returns -ERESTARTSYS (or -EINTR).
   */
  background?(sig: number): number;
}

export interface TtyOptions {
  /** Receives what the terminal shows: processed guest output and echoes. */
  output(bytes: Uint8Array): void;
  /** Called before reads, polls and FIONREAD so the host can feed input that has arrived. */
  pull?(): void;
  /** Monotonic clock in ns, for VTIME (default: Date.now). */
  now?(): number;
  /** Initial window size (default 24x80). */
  rows?: number;
  cols?: number;
  /** Initial settings (default: Linux's tty_std_termios). */
  termios?: Termios;
  /** Device number for stat and TIOCGDEV (default /dev/pts/0: major 136, minor 0). */
  rdev?: number;
  /** The path /proc/self/fd shows (default /dev/pts/<minor>). */
  path?: string;
  /** fstat's answer (default: a character device owned by root, mode 0620). */
  stat?(): Stat | Err;
}

/** Linux's encoding of a device number (new_encode_dev). */
function encodeDev(major: number, minor: number): number {
  return ((minor & 0xff) | (major << 8) | ((minor & ~0xff) << 12)) >>> 0;
}

export class Tty implements FileHandle {
  readonly seekable = false;
  readonly isTty = true;
  readonly path: string;
  /** Set by the kernel: signals, the calling process, background checks. */
  jobControl: TtyJobControl | null = null;
  /** The session this is the controlling terminal of (0: none). */
  session = 0;
  /** The foreground process group (0: none). */
  pgrp = 0;

  readonly termios: Termios;
  private readonly locked = new Termios();
  private winsize: Required<WindowSize>;
  private readonly rdev: number;
  private readonly now: () => number;

  // ---- n_tty_data ----
  private readonly readBuf = new Uint8Array(BUF_SIZE);
  /** line ends (set bits of read_flags) */
  private readonly readFlags = new Uint8Array(BUF_SIZE);
  private readHead = 0;
  private commitHead = 0;
  private canonHead = 0;
  private readTail = 0;
  private readonly charMap = new Uint8Array(256);
  private lnext = false;
  private erasing = false;
  private raw = false;
  private icanon = true;
  private readonly echoBuf = new Uint8Array(BUF_SIZE);
  private echoHead = 0;
  private echoCommit = 0;
  private echoMark = 0;
  private echoTail = 0;
  private column = 0;
  private canonColumn = 0;

  // ---- the tty ----
  /** output stopped by STOP_CHAR (^S) */
  private stopped = false;
  /** output stopped by tcflow(TCOOFF) */
  private tcoStopped = false;
  private hungUp = false;
  private exclusive = false;
  /** when input last arrived, for VTIME's inter-byte timer */
  private lastInputNs = 0;
  /** when a non-canonical read with VTIME first found too little input (-1: no such read) */
  private pendingSinceNs = -1;
  /** bytes for the output callback, sent at the end of each operation */
  private out = new Uint8Array(256);
  private outLen = 0;

  constructor(private readonly opts: TtyOptions) {
    this.termios = opts.termios ? opts.termios.clone() : Termios.standard();
    this.winsize = { rows: opts.rows ?? 24, cols: opts.cols ?? 80, xpixel: 0, ypixel: 0 };
    this.rdev = opts.rdev ?? encodeDev(PTS_MAJOR, 0);
    this.now = opts.now ?? (() => Date.now() * 1e6);
    const minor = (this.rdev & 0xff) | ((this.rdev >>> 12) & ~0xff);
    this.path = opts.path ?? `/dev/pts/${minor}`;
    this.setLdiscTermios(null);
  }

  // ======== the host side ========

  /**
   * Input from the terminal (keystrokes, pasted text). Returns how many bytes the line discipline
   * took: fewer when its buffer is full (the host keeps the rest and offers it again later).
   */
  input(data: Uint8Array): number {
    if (this.hungUp) return data.length;
    let done = 0;
    while (done < data.length) {
      // n_tty_receive_buf_common: room left, keeping one byte for a line end in canonical mode
      let room = BUF_SIZE - (this.readHead - this.readTail);
      if (this.termios.iflag & PARMRK) room = Math.ceil(room / 3);
      room--;
      if (room <= 0) {
        const overflow = this.icanon && this.canonHead === this.readTail;
        if (overflow && room < 0) this.readHead--;
        room = overflow ? 1 : 0;
      }
      const n = Math.min(data.length - done, room);
      if (n === 0) break;
      this.receiveBuf(data.subarray(done, done + n));
      done += n;
    }
    if (done > 0) this.lastInputNs = this.now();
    this.flushOutput();
    return done;
  }

  /** The terminal window changed size: stored, and SIGWINCH for the foreground group if it differs. */
  resize(rows: number, cols: number): void {
    this.setWinsize({ rows, cols, xpixel: 0, ypixel: 0 });
  }

  get windowSize(): Required<WindowSize> {
    return { ...this.winsize };
  }

  /**
   * The terminal went away (the host's side closed). Reads return 0, writes -EIO; the foreground
   * group and the session leader get SIGHUP and SIGCONT; the session loses its terminal.
   */
  hangup(): void {
    if (this.hungUp) return;
    this.hungUp = true;
    const jc = this.jobControl;
    if (jc) {
      const groups = new Set([this.pgrp, this.session].filter((g) => g > 0));
      for (const g of groups) {
        jc.signalGroup(g, SIG.SIGHUP);
        jc.signalGroup(g, SIG.SIGCONT);
      }
    }
    this.session = 0;
    this.pgrp = 0;
  }

  /** Makes this the controlling terminal of session `sid` with foreground group `pgrp` (as a login shell finds it). */
  setControlling(sid: number, pgrp: number): void {
    this.session = sid;
    this.pgrp = pgrp;
  }

  // ======== FileHandle ========

  read(buf: Uint8Array): number {
    this.opts.pull?.();
    if (this.hungUp) return 0;
    const bg = this.checkBackground(SIG.SIGTTIN);
    if (bg) return bg;
    if (buf.length === 0) return 0;
    const t = this.termios;
    if (this.icanon && !(t.lflag & EXTPROC)) {
      if (this.canonHead === this.readTail) return -EAGAIN;
      return this.canonRead(buf);
    }
    // Non-canonical: VMIN and VTIME (Linux's n_tty_read loop without sleeping).
    const min = t.cc[VMIN]!;
    const timeNs = t.cc[VTIME]! * 1e8;
    const avail = this.commitHead - this.readTail;
    if (min === 0 && timeNs === 0) return avail > 0 ? this.rawRead(buf) : 0; // a poll
    if (min === 0) {
      // a read with a timeout: whatever arrives first, or 0 when VTIME runs out
      if (avail > 0) return this.rawRead(buf);
      const now = this.now();
      if (this.pendingSinceNs < 0) this.pendingSinceNs = now;
      if (now >= this.pendingSinceNs + timeNs) {
        this.pendingSinceNs = -1;
        return 0;
      }
      return -EAGAIN;
    }
    if (avail >= Math.min(min, buf.length)) return this.rawRead(buf);
    if (avail > 0 && timeNs > 0) {
      // the inter-byte timer: VTIME after the last byte (or after the read began) ends the read
      const now = this.now();
      if (this.pendingSinceNs < 0) this.pendingSinceNs = now;
      if (now >= Math.max(this.lastInputNs, this.pendingSinceNs) + timeNs) return this.rawRead(buf);
    }
    return -EAGAIN;
  }

  write(buf: Uint8Array): number {
    if (this.hungUp) return -EIO;
    if (this.termios.lflag & TOSTOP) {
      const bg = this.checkBackground(SIG.SIGTTOU);
      if (bg) return bg;
    }
    this.processEchoes();
    if (buf.length === 0) {
      this.flushOutput();
      return 0;
    }
    if (this.stopped) {
      this.flushOutput();
      return -EAGAIN;
    }
    if (this.termios.oflag & OPOST) {
      for (let i = 0; i < buf.length; i++) this.outputChar(buf[i]!);
    } else {
      this.putBytes(buf);
    }
    this.flushOutput();
    return buf.length;
  }

  /** POLLIN when a read would return data or EOF, POLLOUT unless output is stopped. */
  poll(): number {
    this.opts.pull?.();
    if (this.hungUp) return POLLIN | POLLOUT | POLLERR | POLLHUP | POLLRDNORM | POLLWRNORM;
    let mask = 0;
    if (this.inputAvailable(true)) mask |= POLLIN | POLLRDNORM;
    if (!this.stopped) mask |= POLLOUT | POLLWRNORM;
    return mask;
  }

  /** When a pending non-canonical read will finish because VTIME ran out (Infinity: no such read). */
  readyAtNs(): number {
    const t = this.termios;
    const timeNs = t.cc[VTIME]! * 1e8;
    if (this.icanon || timeNs === 0 || this.pendingSinceNs < 0) return Infinity;
    if (t.cc[VMIN] === 0) return this.pendingSinceNs + timeNs;
    if (this.commitHead === this.readTail) return Infinity; // the timer starts with the first byte
    return Math.max(this.lastInputNs, this.pendingSinceNs) + timeNs;
  }

  /** FIONREAD: bytes of complete lines (canonical) or all bytes (non-canonical). */
  available(): number {
    this.opts.pull?.();
    if (this.icanon && !(this.termios.lflag & EXTPROC)) {
      let n = this.canonHead - this.readTail;
      for (let i = this.readTail; i !== this.canonHead; i++) {
        if (this.readFlags[i & MASK] && this.readBuf[i & MASK] === DISABLED_CHAR) n--; // EOF marks
      }
      return n;
    }
    return this.readHead - this.readTail;
  }

  stat(): Stat | Err {
    if (this.opts.stat) return this.opts.stat();
    return makeStat(3, S_IFCHR | 0o620, 0, 0x19, this.rdev);
  }

  truncate(): number {
    return -EINVAL;
  }

  sync(): number {
    return -EINVAL;
  }

  /** A terminal outlives its descriptors: closing one changes nothing. */
  close(): void {}

  ioctl(req: number, arg: number, io: IoctlMemory): number {
    if (this.hungUp) return req === TIOCSPGRP ? -ENOTTY : -EIO;
    const r = this.ioctlInner(req >>> 0, arg, io);
    this.flushOutput();
    return r;
  }

  private ioctlInner(req: number, arg: number, io: IoctlMemory): number {
    switch (req) {
      case TCGETS:
        return io.write(arg, this.termios.encode()) ? 0 : -EFAULT;
      case TCGETS2:
        return io.write(arg, this.termios.encode(true)) ? 0 : -EFAULT;
      case TCGETA:
        return io.write(arg, this.termios.encodeTermio()) ? 0 : -EFAULT;
      case TCSETS:
      case TCSETSW:
      case TCSETSF:
        return this.setFromUser(io, arg, TERMIOS_SIZE, req === TCSETSF);
      case TCSETS2:
      case TCSETSW2:
      case TCSETSF2:
        return this.setFromUser(io, arg, TERMIOS2_SIZE, req === TCSETSF2);
      case TCSETA:
      case TCSETAW:
      case TCSETAF:
        return this.setFromUser(io, arg, TERMIO_SIZE, req === TCSETAF);
      case TIOCGLCKTRMIOS:
        return io.write(arg, this.locked.encode()) ? 0 : -EFAULT;
      case TIOCSLCKTRMIOS: {
        const b = io.read(arg, TERMIOS_SIZE);
        if (!b) return -EFAULT;
        this.locked.decode(b);
        return 0;
      }
      case TCSBRK:
      case TCSBRKP:
        // tcdrain and tcsendbreak: output is never held back; a pty has no line to break
        return this.checkBackground(SIG.SIGTTOU);
      case TIOCSBRK:
      case TIOCCBRK:
        return 0;
      case TCXONC:
        return this.flowControl(arg);
      case TCFLSH:
        return this.flush(arg);
      case TIOCGWINSZ: {
        const b = new Uint8Array(WINSIZE_SIZE);
        const v = new DataView(b.buffer);
        const w = this.winsize;
        v.setUint16(0, w.rows, true);
        v.setUint16(2, w.cols, true);
        v.setUint16(4, w.xpixel, true);
        v.setUint16(6, w.ypixel, true);
        return io.write(arg, b) ? 0 : -EFAULT;
      }
      case TIOCSWINSZ: {
        const b = io.read(arg, WINSIZE_SIZE);
        if (!b) return -EFAULT;
        const v = new DataView(b.buffer, b.byteOffset, WINSIZE_SIZE);
        this.setWinsize({ rows: v.getUint16(0, true), cols: v.getUint16(2, true), xpixel: v.getUint16(4, true), ypixel: v.getUint16(6, true) });
        return 0;
      }
      case FIONREAD:
        return putInt(io, arg, this.available());
      case TIOCOUTQ:
        return putInt(io, arg, 0); // output goes straight to the host
      case TIOCSTI: {
        const b = io.read(arg, 1);
        if (!b) return -EFAULT;
        this.receiveBuf(b.slice(0, 1));
        return 0;
      }
      case TIOCGPGRP: {
        if (!this.isCallersTerminal()) return -ENOTTY;
        return putInt(io, arg, this.pgrp);
      }
      case TIOCSPGRP:
        return this.setForeground(io, arg);
      case TIOCGSID: {
        if (!this.isCallersTerminal() || this.session === 0) return -ENOTTY;
        return putInt(io, arg, this.session);
      }
      case TIOCSCTTY:
        return this.becomeControlling(arg);
      case TIOCNOTTY:
        return this.giveUpControlling();
      case TIOCGETD:
        return putInt(io, arg, N_TTY);
      case TIOCSETD: {
        const b = io.read(arg, 4);
        if (!b) return -EFAULT;
        return new DataView(b.buffer, b.byteOffset, 4).getInt32(0, true) === N_TTY ? 0 : -EINVAL;
      }
      case TIOCEXCL:
        this.exclusive = true;
        return 0;
      case TIOCNXCL:
        this.exclusive = false;
        return 0;
      case TIOCGEXCL:
        return putInt(io, arg, this.exclusive ? 1 : 0);
      case TIOCGSOFTCAR:
        return putInt(io, arg, this.termios.cflag & CLOCAL ? 1 : 0);
      case TIOCSSOFTCAR: {
        const b = io.read(arg, 4);
        if (!b) return -EFAULT;
        const t = this.termios.clone();
        const on = new DataView(b.buffer, b.byteOffset, 4).getInt32(0, true) !== 0;
        t.cflag = on ? t.cflag | CLOCAL : t.cflag & ~CLOCAL;
        this.setTermios(t);
        return 0;
      }
      case TIOCGDEV:
        return putInt(io, arg, this.rdev);
      case TIOCVHANGUP:
        this.hangup();
        return 0;
      default:
        return -ENOTTY;
    }
  }

  // ======== settings ========

  /** TCSETS*, TCSETS2*, TCSETA*: Linux's set_termios. */
  private setFromUser(io: IoctlMemory, arg: number, size: number, flush: boolean): number {
    const bg = this.checkBackground(SIG.SIGTTOU);
    if (bg) return bg;
    const b = io.read(arg, size);
    if (!b) return -EFAULT;
    const t = this.termios.clone();
    if (size === TERMIO_SIZE) t.decodeTermio(b);
    else t.decode(b);
    // old-style Bfoo values give the speeds
    t.ispeed = t.inputSpeed();
    t.ospeed = t.outputSpeed();
    if (flush) this.resetBufferFlags();
    this.setTermios(t);
    return 0;
  }

  /** tty_set_termios: locked bits keep their values, the pty forces CS8 and CREAD, the line discipline adapts. */
  setTermios(next: Termios): void {
    const old = this.termios.clone();
    const t = this.termios;
    const l = this.locked;
    t.copyFrom(next);
    t.iflag = ((t.iflag & ~l.iflag) | (old.iflag & l.iflag)) >>> 0;
    t.oflag = ((t.oflag & ~l.oflag) | (old.oflag & l.oflag)) >>> 0;
    t.cflag = ((t.cflag & ~l.cflag) | (old.cflag & l.cflag)) >>> 0;
    t.lflag = ((t.lflag & ~l.lflag) | (old.lflag & l.lflag)) >>> 0;
    if (l.line) t.line = old.line;
    for (let i = 0; i < t.cc.length; i++) if (l.cc[i]) t.cc[i] = old.cc[i]!;
    t.cflag = ((t.cflag & ~(CSIZE | PARENB)) | CS8 | CREAD) >>> 0;
    this.setLdiscTermios(old);
  }

  /** n_tty_set_termios: switching ICANON makes pending input a line (or releases it); the special-character map. */
  private setLdiscTermios(old: Termios | null): void {
    const t = this.termios;
    const { iflag, lflag } = t;
    if (!old || (old.lflag ^ lflag) & (ICANON | EXTPROC)) {
      this.readFlags.fill(0);
      if (!(lflag & ICANON) || this.readHead === this.readTail) {
        this.canonHead = this.readTail;
      } else {
        this.readFlags[(this.readHead - 1) & MASK] = 1;
        this.canonHead = this.readHead;
      }
      this.commitHead = this.readHead;
      this.erasing = false;
      this.lnext = false;
    }
    this.icanon = (lflag & ICANON) !== 0;
    const map = this.charMap;
    map.fill(0);
    if (iflag & (ISTRIP | IUCLC | IGNCR | ICRNL | INLCR | IXON | PARMRK) || lflag & (ICANON | ISIG | ECHO)) {
      const cc = t.cc;
      if (iflag & (IGNCR | ICRNL)) map[13] = 1;
      if (iflag & INLCR) map[10] = 1;
      if (lflag & ICANON) {
        map[cc[VERASE]!] = map[cc[VKILL]!] = map[cc[VEOF]!] = map[10] = map[cc[VEOL]!] = 1;
        if (lflag & IEXTEN) {
          map[cc[VWERASE]!] = map[cc[VLNEXT]!] = map[cc[VEOL2]!] = 1;
          if (lflag & ECHO) map[cc[VREPRINT]!] = 1;
        }
      }
      if (iflag & IXON) map[cc[VSTART]!] = map[cc[VSTOP]!] = 1;
      if (lflag & ISIG) map[cc[VINTR]!] = map[cc[VQUIT]!] = map[cc[VSUSP]!] = 1;
      map[DISABLED_CHAR] = 0;
      this.raw = false;
    } else {
      this.raw = true;
    }
    // clearing IXON restarts output stopped by ^S
    if (!(iflag & IXON) && old && old.iflag & IXON && !this.tcoStopped) this.startTty();
  }

  private setWinsize(w: Required<WindowSize>): void {
    const o = this.winsize;
    if (o.rows === w.rows && o.cols === w.cols && o.xpixel === w.xpixel && o.ypixel === w.ypixel) return;
    this.winsize = { ...w };
    if (this.pgrp) this.jobControl?.signalGroup(this.pgrp, SIG.SIGWINCH);
  }

  // ======== job control ========

  private isCallersTerminal(): boolean {
    const c = this.jobControl?.caller?.();
    return !c || (this.session !== 0 && c.sid === this.session);
  }

  /** tty_check_change: a background process group touching its controlling terminal. */
  private checkBackground(sig: number): number {
    const jc = this.jobControl;
    const c = jc?.caller?.();
    if (!jc || !c || this.session === 0 || c.sid !== this.session) return 0;
    if (this.pgrp === 0 || c.pgid === this.pgrp) return 0;
    return jc.background?.(sig) ?? 0;
  }

  private setForeground(io: IoctlMemory, arg: number): number {
    const bg = this.checkBackground(SIG.SIGTTOU);
    if (bg) return bg === -EIO ? -ENOTTY : bg;
    const b = io.read(arg, 4);
    if (!b) return -EFAULT;
    const pgrp = new DataView(b.buffer, b.byteOffset, 4).getInt32(0, true);
    if (pgrp < 0) return -EINVAL;
    const jc = this.jobControl;
    const c = jc?.caller?.();
    if (c && (this.session === 0 || c.sid !== this.session)) return -ENOTTY;
    if (jc?.sessionOf && c) {
      const sid = jc.sessionOf(pgrp);
      if (sid < 0) return -ESRCH;
      if (sid !== c.sid) return -EPERM;
    }
    this.pgrp = pgrp;
    return 0;
  }

  /** TIOCSCTTY: a session leader without a terminal takes this one (arg 1 steals it, for root). */
  private becomeControlling(arg: number): number {
    const jc = this.jobControl;
    const c = jc?.caller?.();
    if (!jc || !c) return 0;
    const leader = c.pid === c.sid;
    if (leader && this.session === c.sid) return 0;
    if (!leader || jc.hasTerminal?.(c.sid)) return -EPERM;
    // the guest runs as root (CAP_SYS_ADMIN), so it may steal another session's terminal
    if (this.session !== 0 && arg !== 1) return -EPERM;
    this.setControlling(c.sid, c.pgid);
    return 0;
  }

  /** TIOCNOTTY: a session leader gives its terminal up, with SIGHUP and SIGCONT for the foreground group. */
  private giveUpControlling(): number {
    const jc = this.jobControl;
    const c = jc?.caller?.();
    if (!jc || !c) return 0;
    if (this.session === 0 || c.sid !== this.session) return -ENOTTY;
    if (c.pid === c.sid) {
      if (this.pgrp) {
        jc.signalGroup(this.pgrp, SIG.SIGHUP);
        jc.signalGroup(this.pgrp, SIG.SIGCONT);
      }
      this.session = 0;
      this.pgrp = 0;
    }
    return 0;
  }

  // ======== flow control and flushing ========

  private stopTty(): void {
    this.stopped = true;
  }

  private startTty(): void {
    if (!this.stopped || this.tcoStopped) return;
    this.stopped = false;
  }

  private flowControl(arg: number): number {
    const bg = this.checkBackground(SIG.SIGTTOU);
    if (bg) return bg;
    switch (arg) {
      case TCOOFF:
        if (!this.tcoStopped) {
          this.tcoStopped = true;
          this.stopped = true;
        }
        return 0;
      case TCOON:
        if (this.tcoStopped) {
          this.tcoStopped = false;
          this.startTty();
          this.processEchoes();
        }
        return 0;
      case TCIOFF:
        if (this.termios.cc[VSTOP] !== DISABLED_CHAR) this.putByte(this.termios.cc[VSTOP]!);
        return 0;
      case TCION:
        if (this.termios.cc[VSTART] !== DISABLED_CHAR) this.putByte(this.termios.cc[VSTART]!);
        return 0;
      default:
        return -EINVAL;
    }
  }

  private flush(arg: number): number {
    const bg = this.checkBackground(SIG.SIGTTOU);
    if (bg) return bg;
    switch (arg) {
      case TCIFLUSH:
      case TCIOFLUSH:
        this.resetBufferFlags();
        return 0;
      case TCOFLUSH:
        return 0; // nothing is queued for output
      default:
        return -EINVAL;
    }
  }

  /** reset_buffer_flags: the input queue is emptied. */
  private resetBufferFlags(): void {
    this.readHead = this.canonHead = this.readTail = this.commitHead = 0;
    this.erasing = false;
    this.readFlags.fill(0);
    this.pendingSinceNs = -1;
  }

  // ======== reading ========

  private inputAvailable(forPoll: boolean): boolean {
    const t = this.termios;
    const amt = forPoll && !t.cc[VTIME] && t.cc[VMIN] ? t.cc[VMIN]! : 1;
    if (this.icanon && !(t.lflag & EXTPROC)) return this.canonHead !== this.readTail;
    return this.commitHead - this.readTail >= amt;
  }

  /** canon_copy_from_read_buf: up to one line, its terminator included unless it is an EOF mark. */
  private canonRead(buf: Uint8Array): number {
    const n = Math.min(buf.length, this.canonHead - this.readTail);
    let eol = -1;
    for (let i = 0; i < n; i++) {
      if (this.readFlags[(this.readTail + i) & MASK]) {
        eol = i;
        break;
      }
    }
    const found = eol >= 0;
    const before = found ? eol : n;
    const consumed = found ? eol + 1 : n;
    const copied = found && this.readBuf[(this.readTail + eol) & MASK] === DISABLED_CHAR ? before : consumed;
    this.copyOut(buf, copied);
    if (found) this.readFlags[(this.readTail + eol) & MASK] = 0;
    this.readTail += consumed;
    // canon_skip_eof: a read that filled the buffer right before an EOF mark eats the mark
    if (!found && copied === buf.length && this.readTail !== this.canonHead) {
      const at = this.readTail & MASK;
      if (this.readFlags[at] && this.readBuf[at] === DISABLED_CHAR) {
        this.readFlags[at] = 0;
        this.readTail++;
      }
    }
    return copied;
  }

  private rawRead(buf: Uint8Array): number {
    const n = Math.min(buf.length, this.commitHead - this.readTail);
    this.copyOut(buf, n);
    this.readTail += n;
    this.pendingSinceNs = -1;
    return n;
  }

  private copyOut(buf: Uint8Array, n: number): void {
    for (let i = 0; i < n; i++) buf[i] = this.readBuf[(this.readTail + i) & MASK]!;
  }

  // ======== receiving (n_tty_receive_*) ========

  private receiveBuf(data: Uint8Array): void {
    const t = this.termios;
    const preops = t.iflag & ISTRIP || (t.iflag & IUCLC && t.lflag & IEXTEN);
    if (this.raw || (t.lflag & EXTPROC && !preops)) {
      for (let i = 0; i < data.length; i++) this.putQueue(data[i]!);
    } else {
      for (let i = 0; i < data.length; i++) this.receiveStandard(data[i]!);
      this.flushEchoes();
    }
    if (this.icanon && !(t.lflag & EXTPROC)) return;
    this.commitHead = this.readHead;
  }

  private preprocess(c: number): number {
    const t = this.termios;
    if (t.iflag & ISTRIP) c &= 0x7f;
    if (t.iflag & IUCLC && t.lflag & IEXTEN) c = toLower(c);
    return c;
  }

  private receiveStandard(c: number): void {
    if (this.lnext) {
      this.lnext = false;
      this.receiveChar(this.preprocess(c));
      return;
    }
    c = this.preprocess(c);
    if (this.termios.lflag & EXTPROC) {
      this.putQueue(c);
      return;
    }
    if (this.charMap[c]) this.receiveSpecial(c);
    else this.receiveChar(c);
  }

  private restartOnAnyKey(): void {
    if (this.stopped && !this.tcoStopped && this.termios.iflag & IXON && this.termios.iflag & IXANY) {
      this.startTty();
      this.processEchoes();
    }
  }

  private receiveChar(c: number): void {
    this.restartOnAnyKey();
    if (this.termios.lflag & ECHO) {
      this.finishErasing();
      if (this.canonHead === this.readHead) this.echoSetCanonCol();
      this.echoChar(c);
      this.commitEchoes();
    }
    if (c === 0xff && this.termios.iflag & PARMRK) this.putQueue(c);
    this.putQueue(c);
  }

  private receiveSpecial(c: number): void {
    const t = this.termios;
    const cc = t.cc;
    if (t.iflag & IXON && (c === cc[VSTART] || c === cc[VSTOP])) {
      if (c === cc[VSTART]) {
        this.startTty();
        this.processEchoes();
      } else {
        this.stopTty();
      }
      return;
    }
    if (t.lflag & ISIG) {
      if (c === cc[VINTR]) return this.receiveSignalChar(SIG.SIGINT, c);
      if (c === cc[VQUIT]) return this.receiveSignalChar(SIG.SIGQUIT, c);
      if (c === cc[VSUSP]) return this.receiveSignalChar(SIG.SIGTSTP, c);
    }
    this.restartOnAnyKey();
    if (c === 13) {
      if (t.iflag & IGNCR) return;
      if (t.iflag & ICRNL) c = 10;
    } else if (c === 10 && t.iflag & INLCR) {
      c = 13;
    }
    if (this.icanon && this.receiveCanon(c)) return;
    if (t.lflag & ECHO) {
      this.finishErasing();
      if (c === 10) {
        this.echoCharRaw(10);
      } else {
        if (this.canonHead === this.readHead) this.echoSetCanonCol();
        this.echoChar(c);
      }
      this.commitEchoes();
    }
    if (c === 0xff && t.iflag & PARMRK) this.putQueue(c);
    this.putQueue(c);
  }

  /** The canonical-mode characters; false for an ordinary one. */
  private receiveCanon(c: number): boolean {
    const t = this.termios;
    const cc = t.cc;
    const iexten = (t.lflag & IEXTEN) !== 0;
    const echo = (t.lflag & ECHO) !== 0;
    if (c === cc[VERASE] || c === cc[VKILL] || (c === cc[VWERASE] && iexten)) {
      this.eraser(c);
      this.commitEchoes();
      return true;
    }
    if (c === cc[VLNEXT] && iexten) {
      this.lnext = true;
      if (echo) {
        this.finishErasing();
        if (t.lflag & ECHOCTL) {
          this.echoCharRaw(0x5e); // '^', then back over it: the next character overwrites it
          this.echoCharRaw(8);
          this.commitEchoes();
        }
      }
      return true;
    }
    if (c === cc[VREPRINT] && echo && iexten) {
      this.finishErasing();
      this.echoChar(c);
      this.echoCharRaw(10);
      for (let i = this.canonHead; i !== this.readHead; i++) this.echoChar(this.readBuf[i & MASK]!);
      this.commitEchoes();
      return true;
    }
    if (c === 10) {
      if (echo || t.lflag & ECHONL) {
        this.echoCharRaw(10);
        this.commitEchoes();
      }
      this.handleNewline(c);
      return true;
    }
    if (c === cc[VEOF]) {
      this.handleNewline(DISABLED_CHAR);
      return true;
    }
    if (c === cc[VEOL] || (c === cc[VEOL2] && iexten)) {
      if (echo) {
        if (this.canonHead === this.readHead) this.echoSetCanonCol();
        this.echoChar(c);
        this.commitEchoes();
      }
      if (c === 0xff && t.iflag & PARMRK) this.putQueue(c);
      this.handleNewline(c);
      return true;
    }
    return false;
  }

  private handleNewline(c: number): void {
    this.readFlags[this.readHead & MASK] = 1;
    this.putQueue(c);
    this.canonHead = this.readHead;
  }

  private receiveSignalChar(sig: number, c: number): void {
    this.isig(sig);
    if (this.termios.iflag & IXON) this.startTty();
    if (this.termios.lflag & ECHO) {
      this.echoChar(c);
      this.commitEchoes();
    } else {
      this.processEchoes();
    }
  }

  /**
   * isig: the signal, then (without NOFLSH) pending echoes, output not yet delivered and input are
   * thrown away. Output of this batch of input has not reached the terminal yet: like the pty
   * master's unread buffer that Linux's tty_driver_flush_buffer empties, it is dropped.
   */
  private isig(sig: number): void {
    if (this.pgrp) this.jobControl?.signalGroup(this.pgrp, sig);
    if (this.termios.lflag & NOFLSH) return;
    this.echoHead = this.echoTail = this.echoMark = this.echoCommit = 0;
    this.outLen = 0;
    this.resetBufferFlags();
  }

  private putQueue(c: number): void {
    this.readBuf[this.readHead & MASK] = c;
    this.readHead++;
  }

  private isContinuation(c: number): boolean {
    return (this.termios.iflag & IUTF8) !== 0 && (c & 0xc0) === 0x80;
  }

  /** ERASE, WERASE and KILL, with their echoes (n_tty.c's eraser). */
  private eraser(c: number): void {
    const t = this.termios;
    const cc = t.cc;
    const echo = (t.lflag & ECHO) !== 0;
    if (this.readHead === this.canonHead) return;
    let kind: 'erase' | 'werase' | 'kill';
    if (c === cc[VERASE]) kind = 'erase';
    else if (c === cc[VWERASE]) kind = 'werase';
    else {
      if (!echo) {
        this.readHead = this.canonHead;
        return;
      }
      if (!(t.lflag & ECHOK) || !(t.lflag & ECHOKE) || !(t.lflag & ECHOE)) {
        this.readHead = this.canonHead;
        this.finishErasing();
        this.echoChar(cc[VKILL]!);
        if (t.lflag & ECHOK) this.echoCharRaw(10);
        return;
      }
      kind = 'kill';
    }
    let seenAlnums = 0;
    while ((this.readHead & MASK) !== (this.canonHead & MASK)) {
      let head = this.readHead;
      // one character, with its UTF-8 continuation bytes
      do {
        head--;
        c = this.readBuf[head & MASK]!;
      } while (this.isContinuation(c) && (head & MASK) !== (this.canonHead & MASK));
      if (this.isContinuation(c)) break; // never erase part of a character
      if (kind === 'werase') {
        if (isAlnum(c) || c === 0x5f) seenAlnums++;
        else if (seenAlnums) break;
      }
      let cnt = this.readHead - head;
      this.readHead = head;
      if (echo) {
        if (t.lflag & ECHOPRT) {
          if (!this.erasing) {
            this.echoCharRaw(0x5c); // '\'
            this.erasing = true;
          }
          this.echoChar(c);
          while (--cnt > 0) {
            head++;
            this.echoCharRaw(this.readBuf[head & MASK]!);
            this.addEchoByte(ECHO_OP_START);
            this.addEchoByte(ECHO_OP_MOVE_BACK_COL);
          }
        } else if (kind === 'erase' && !(t.lflag & ECHOE)) {
          this.echoChar(cc[VERASE]!);
        } else if (c === 9) {
          // columns used since the previous tab or the start of the line
          let numChars = 0;
          let afterTab = false;
          for (let tail = this.readHead; (tail & MASK) !== (this.canonHead & MASK); ) {
            tail--;
            const d = this.readBuf[tail & MASK]!;
            if (d === 9) {
              afterTab = true;
              break;
            } else if (isCntrl(d)) {
              if (t.lflag & ECHOCTL) numChars += 2;
            } else if (!this.isContinuation(d)) {
              numChars++;
            }
          }
          this.addEchoByte(ECHO_OP_START);
          this.addEchoByte(ECHO_OP_ERASE_TAB);
          this.addEchoByte((numChars & 7) | (afterTab ? 0x80 : 0));
        } else {
          if (isCntrl(c) && t.lflag & ECHOCTL) this.echoBackspace();
          if (!isCntrl(c) || t.lflag & ECHOCTL) this.echoBackspace();
        }
      }
      if (kind === 'erase') break;
    }
    if (this.readHead === this.canonHead && echo) this.finishErasing();
  }

  // ======== echoes ========

  private addEchoByte(b: number): void {
    this.echoBuf[this.echoHead & MASK] = b;
    this.echoHead++;
  }

  private echoCharRaw(c: number): void {
    if (c === ECHO_OP_START) this.addEchoByte(ECHO_OP_START);
    this.addEchoByte(c);
  }

  /** Echoes c; with ECHOCTL a control character other than TAB shows as ^X. */
  private echoChar(c: number): void {
    if (c === ECHO_OP_START) {
      this.addEchoByte(ECHO_OP_START);
      this.addEchoByte(ECHO_OP_START);
      return;
    }
    if (this.termios.lflag & ECHOCTL && isCntrl(c) && c !== 9) this.addEchoByte(ECHO_OP_START);
    this.addEchoByte(c);
  }

  private echoBackspace(): void {
    this.echoCharRaw(8);
    this.echoCharRaw(0x20);
    this.echoCharRaw(8);
  }

  private echoSetCanonCol(): void {
    this.addEchoByte(ECHO_OP_START);
    this.addEchoByte(ECHO_OP_SET_CANON_COL);
  }

  private finishErasing(): void {
    if (this.erasing) {
      this.echoCharRaw(0x2f); // '/'
      this.erasing = false;
    }
  }

  /** commit_echoes: only once a block has piled up; the rest waits for the end of the input. */
  private commitEchoes(): void {
    const head = this.echoHead;
    this.echoMark = head;
    const old = this.echoCommit - this.echoTail;
    const nr = head - this.echoTail;
    if (nr < ECHO_COMMIT_WATERMARK || nr % ECHO_BLOCK > old % ECHO_BLOCK) return;
    this.echoCommit = head;
    this.processEchoesCore();
  }

  private processEchoes(): void {
    if (this.echoMark === this.echoTail) return;
    this.echoCommit = this.echoMark;
    this.processEchoesCore();
  }

  private flushEchoes(): void {
    const l = this.termios.lflag;
    if ((!(l & ECHO) && !(l & ECHONL)) || this.echoCommit === this.echoHead) return;
    this.echoCommit = this.echoHead;
    this.processEchoesCore();
  }

  /** __process_echoes: committed echoes to the output, unless output is stopped. */
  private processEchoesCore(): void {
    const opost = (this.termios.oflag & OPOST) !== 0;
    let tail = this.echoTail;
    while (!this.stopped && tail !== this.echoCommit) {
      const c = this.echoBuf[tail & MASK]!;
      if (c !== ECHO_OP_START) {
        if (opost) this.outputChar(c);
        else this.putByte(c);
        tail++;
        continue;
      }
      if (tail + 1 === this.echoCommit) break; // an operation not yet complete
      const op = this.echoBuf[(tail + 1) & MASK]!;
      if (op === ECHO_OP_ERASE_TAB) {
        if (tail + 2 === this.echoCommit) break;
        let numChars = this.echoBuf[(tail + 2) & MASK]!;
        if (!(numChars & 0x80)) numChars += this.canonColumn;
        for (let n = 8 - (numChars & 7); n > 0; n--) {
          this.putByte(8);
          if (this.column > 0) this.column--;
        }
        tail += 3;
      } else if (op === ECHO_OP_SET_CANON_COL) {
        this.canonColumn = this.column;
        tail += 2;
      } else if (op === ECHO_OP_MOVE_BACK_COL) {
        if (this.column > 0) this.column--;
        tail += 2;
      } else if (op === ECHO_OP_START) {
        this.putByte(ECHO_OP_START);
        this.column++;
        tail += 2;
      } else {
        this.putByte(0x5e); // '^'
        this.putByte(op ^ 0o100);
        this.column += 2;
        tail += 2;
      }
    }
    // a nearly full echo buffer drops its oldest entries (output stopped for long)
    while (this.echoCommit > tail && this.echoCommit - tail >= ECHO_DISCARD_WATERMARK) {
      if (this.echoBuf[tail & MASK] === ECHO_OP_START) tail += this.echoBuf[(tail + 1) & MASK] === ECHO_OP_ERASE_TAB ? 3 : 2;
      else tail++;
    }
    this.echoTail = tail;
  }

  // ======== output ========

  /** do_output_char: one byte with OPOST processing, keeping track of the cursor column. */
  private outputChar(c: number): void {
    const o = this.termios.oflag;
    switch (c) {
      case 10:
        if (o & ONLRET) this.column = 0;
        if (o & ONLCR) {
          this.canonColumn = this.column = 0;
          this.putByte(13);
          this.putByte(10);
          return;
        }
        this.canonColumn = this.column;
        break;
      case 13:
        if (o & ONOCR && this.column === 0) return;
        if (o & OCRNL) {
          c = 10;
          if (o & ONLRET) this.canonColumn = this.column = 0;
          break;
        }
        this.canonColumn = this.column = 0;
        break;
      case 9: {
        const spaces = 8 - (this.column & 7);
        this.column += spaces;
        if ((o & TABDLY) === XTABS) {
          for (let i = 0; i < spaces; i++) this.putByte(0x20);
          return;
        }
        break;
      }
      case 8:
        if (this.column > 0) this.column--;
        break;
      default:
        if (!isCntrl(c)) {
          if (o & OLCUC) c = toUpper(c);
          if (!this.isContinuation(c)) this.column++;
        }
    }
    this.putByte(c);
  }

  private putByte(b: number): void {
    if (this.outLen === this.out.length) {
      const bigger = new Uint8Array(this.out.length * 2);
      bigger.set(this.out);
      this.out = bigger;
    }
    this.out[this.outLen++] = b;
  }

  private putBytes(b: Uint8Array): void {
    if (this.outLen + b.length > this.out.length) {
      const bigger = new Uint8Array(Math.max(this.out.length * 2, this.outLen + b.length));
      bigger.set(this.out.subarray(0, this.outLen));
      this.out = bigger;
    }
    this.out.set(b, this.outLen);
    this.outLen += b.length;
  }

  private flushOutput(): void {
    if (this.outLen === 0) return;
    const bytes = this.out.slice(0, this.outLen);
    this.outLen = 0;
    if (this.out.length > 65536) this.out = new Uint8Array(256);
    this.opts.output(bytes);
  }
}

function putInt(io: IoctlMemory, addr: number, v: number): number {
  const b = new Uint8Array(4);
  new DataView(b.buffer).setInt32(0, v | 0, true);
  return io.write(addr, b) ? 0 : -EFAULT;
}

