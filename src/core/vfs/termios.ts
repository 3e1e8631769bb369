/**
 * Terminal settings as Linux's aarch64 (asm-generic) ABI has them: the termios flag bits, the
 * c_cc indices, the terminal ioctl numbers, and the three structs user space exchanges with
 * TCGETS/TCSETS (struct termios, 36 bytes), TCGETS2/TCSETS2 (struct termios2, 44 bytes) and the
 * old TCGETA/TCSETA (struct termio, 18 bytes). libc's own 60-byte struct termios is converted by
 * libc; the kernel never sees it.
 */

// ---- c_iflag ----
export const IGNBRK = 0o1;
export const BRKINT = 0o2;
export const IGNPAR = 0o4;
export const PARMRK = 0o10;
export const INPCK = 0o20;
export const ISTRIP = 0o40;
export const INLCR = 0o100;
export const IGNCR = 0o200;
export const ICRNL = 0o400;
export const IUCLC = 0o1000;
export const IXON = 0o2000;
export const IXANY = 0o4000;
export const IXOFF = 0o10000;
export const IMAXBEL = 0o20000;
export const IUTF8 = 0o40000;

// ---- c_oflag ----
export const OPOST = 0o1;
export const OLCUC = 0o2;
export const ONLCR = 0o4;
export const OCRNL = 0o10;
export const ONOCR = 0o20;
export const ONLRET = 0o40;
export const OFILL = 0o100;
export const OFDEL = 0o200;
export const TABDLY = 0o14000;
/** TAB3: expand tabs to spaces on output */
export const XTABS = 0o14000;

// ---- c_cflag ----
export const CBAUD = 0o10017;
export const B0 = 0o0;
export const B9600 = 0o15;
export const B38400 = 0o17;
export const CBAUDEX = 0o10000;
/** speed given in c_ispeed/c_ospeed (termios2) */
export const BOTHER = 0o10000;
export const CSIZE = 0o60;
export const CS5 = 0o0;
export const CS6 = 0o20;
export const CS7 = 0o40;
export const CS8 = 0o60;
export const CSTOPB = 0o100;
export const CREAD = 0o200;
export const PARENB = 0o400;
export const PARODD = 0o1000;
export const HUPCL = 0o2000;
export const CLOCAL = 0o4000;
/** the input speed's field is CBAUD shifted left by IBSHIFT */
export const IBSHIFT = 16;

// ---- c_lflag ----
export const ISIG = 0o1;
export const ICANON = 0o2;
export const XCASE = 0o4;
export const ECHO = 0o10;
export const ECHOE = 0o20;
export const ECHOK = 0o40;
export const ECHONL = 0o100;
export const NOFLSH = 0o200;
export const TOSTOP = 0o400;
export const ECHOCTL = 0o1000;
export const ECHOPRT = 0o2000;
export const ECHOKE = 0o4000;
export const FLUSHO = 0o10000;
export const PENDIN = 0o40000;
export const IEXTEN = 0o100000;
export const EXTPROC = 0o200000;

// ---- c_cc indices ----
export const VINTR = 0;
export const VQUIT = 1;
export const VERASE = 2;
export const VKILL = 3;
export const VEOF = 4;
export const VTIME = 5;
export const VMIN = 6;
export const VSWTC = 7;
export const VSTART = 8;
export const VSTOP = 9;
export const VSUSP = 10;
export const VEOL = 11;
export const VREPRINT = 12;
export const VDISCARD = 13;
export const VWERASE = 14;
export const VLNEXT = 15;
export const VEOL2 = 16;
/** the kernel's c_cc length */
export const NCCS = 19;
/** struct termio's c_cc length */
export const NCC = 8;
/** a c_cc entry of 0 disables that function (_POSIX_VDISABLE) */
export const DISABLED_CHAR = 0;

// ---- ioctl requests (asm-generic/ioctls.h) ----
export const TCGETS = 0x5401;
export const TCSETS = 0x5402;
export const TCSETSW = 0x5403;
export const TCSETSF = 0x5404;
export const TCGETA = 0x5405;
export const TCSETA = 0x5406;
export const TCSETAW = 0x5407;
export const TCSETAF = 0x5408;
export const TCSBRK = 0x5409;
export const TCXONC = 0x540a;
export const TCFLSH = 0x540b;
export const TIOCEXCL = 0x540c;
export const TIOCNXCL = 0x540d;
export const TIOCSCTTY = 0x540e;
export const TIOCGPGRP = 0x540f;
export const TIOCSPGRP = 0x5410;
export const TIOCOUTQ = 0x5411;
export const TIOCSTI = 0x5412;
export const TIOCGWINSZ = 0x5413;
export const TIOCSWINSZ = 0x5414;
export const TIOCGSOFTCAR = 0x5419;
export const TIOCSSOFTCAR = 0x541a;
export const FIONREAD = 0x541b;
export const TIOCINQ = FIONREAD;
export const TIOCNOTTY = 0x5422;
export const TIOCSETD = 0x5423;
export const TIOCGETD = 0x5424;
export const TCSBRKP = 0x5425;
export const TIOCSBRK = 0x5427;
export const TIOCCBRK = 0x5428;
export const TIOCGSID = 0x5429;
export const TCGETS2 = 0x802c542a;
export const TCSETS2 = 0x402c542b;
export const TCSETSW2 = 0x402c542c;
export const TCSETSF2 = 0x402c542d;
export const TIOCGDEV = 0x80045432;
export const TIOCVHANGUP = 0x5437;
export const TIOCGEXCL = 0x80045440;
export const TIOCGLCKTRMIOS = 0x5456;
export const TIOCSLCKTRMIOS = 0x5457;

// TCFLSH arguments
export const TCIFLUSH = 0;
export const TCOFLUSH = 1;
export const TCIOFLUSH = 2;
// TCXONC arguments
export const TCOOFF = 0;
export const TCOON = 1;
export const TCIOFF = 2;
export const TCION = 3;

/** the N_TTY line discipline's number (TIOCGETD) */
export const N_TTY = 0;

// ---- structs ----
export const TERMIOS_SIZE = 36;
export const TERMIOS2_SIZE = 44;
/** struct termio is 18 bytes with its padding; the kernel writes the first 17 */
export const TERMIO_SIZE = 18;
/** struct winsize: ws_row, ws_col, ws_xpixel, ws_ypixel (u16 each) */
export const WINSIZE_SIZE = 8;

/** Linux's baud_table: CBAUD values 0..15, then CBAUDEX|1..15. */
const BAUD_TABLE = [
  0, 50, 75, 110, 134, 150, 200, 300, 600, 1200, 1800, 2400, 4800, 9600, 19200, 38400, 57600, 115200, 230400, 460800,
  500000, 576000, 921600, 1000000, 1152000, 1500000, 2000000, 2500000, 3000000, 3500000, 4000000,
];

function speedOf(cbaud: number, explicit: number): number {
  if (cbaud === BOTHER) return explicit;
  if (cbaud & CBAUDEX) cbaud = (cbaud & ~CBAUDEX) + 15;
  return BAUD_TABLE[cbaud] ?? 0;
}

/** The kernel's struct ktermios: the four flag words, the line discipline, c_cc and the speeds. */
export class Termios {
  iflag = 0;
  oflag = 0;
  cflag = 0;
  lflag = 0;
  line = 0;
  readonly cc = new Uint8Array(NCCS);
  ispeed = 0;
  ospeed = 0;

  /** Linux's tty_std_termios, the settings of a freshly opened terminal. */
  static standard(): Termios {
    const t = new Termios();
    t.iflag = ICRNL | IXON;
    t.oflag = OPOST | ONLCR;
    t.cflag = B38400 | CS8 | CREAD | HUPCL;
    t.lflag = ISIG | ICANON | ECHO | ECHOE | ECHOK | ECHOCTL | ECHOKE | IEXTEN;
    // INIT_C_CC: ^C ^\ DEL ^U ^D, TIME 0, MIN 1, SWTC 0, ^Q ^S ^Z, EOL 0, ^R ^O ^W ^V, EOL2 0
    t.cc.set([3, 0x1c, 0x7f, 0x15, 4, 0, 1, 0, 0x11, 0x13, 0x1a, 0, 0x12, 0x0f, 0x17, 0x16, 0]);
    t.ispeed = t.ospeed = 38400;
    return t;
  }

  clone(): Termios {
    const t = new Termios();
    t.copyFrom(this);
    return t;
  }

  copyFrom(o: Termios): void {
    this.iflag = o.iflag;
    this.oflag = o.oflag;
    this.cflag = o.cflag;
    this.lflag = o.lflag;
    this.line = o.line;
    this.cc.set(o.cc);
    this.ispeed = o.ispeed;
    this.ospeed = o.ospeed;
  }

  /** Output speed from c_cflag (tty_termios_baud_rate). */
  outputSpeed(): number {
    return speedOf(this.cflag & CBAUD, this.ospeed);
  }

  /** Input speed from c_cflag; B0 there means "same as output" (tty_termios_input_baud_rate). */
  inputSpeed(): number {
    const cbaud = (this.cflag >>> IBSHIFT) & CBAUD;
    return cbaud === B0 ? this.outputSpeed() : speedOf(cbaud, this.ispeed);
  }

  /** struct termios (TCGETS) or, with speeds, struct termios2 (TCGETS2). */
  encode(withSpeeds = false): Uint8Array {
    const b = new Uint8Array(withSpeeds ? TERMIOS2_SIZE : TERMIOS_SIZE);
    const v = new DataView(b.buffer);
    v.setUint32(0, this.iflag, true);
    v.setUint32(4, this.oflag, true);
    v.setUint32(8, this.cflag, true);
    v.setUint32(12, this.lflag, true);
    b[16] = this.line;
    b.set(this.cc, 17);
    if (withSpeeds) {
      v.setUint32(36, this.ispeed, true);
      v.setUint32(40, this.ospeed, true);
    }
    return b;
  }

  /** Reads struct termios (36 bytes) or termios2 (44 bytes, with the speeds) over these settings. */
  decode(b: Uint8Array): void {
    const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
    this.iflag = v.getUint32(0, true);
    this.oflag = v.getUint32(4, true);
    this.cflag = v.getUint32(8, true);
    this.lflag = v.getUint32(12, true);
    this.line = b[16]!;
    this.cc.set(b.subarray(17, 17 + NCCS));
    if (b.length >= TERMIOS2_SIZE) {
      this.ispeed = v.getUint32(36, true);
      this.ospeed = v.getUint32(40, true);
    }
  }

  /** struct termio (TCGETA): 16-bit flags, c_line, the first 8 c_cc; 17 bytes written. */
  encodeTermio(): Uint8Array {
    const b = new Uint8Array(17);
    const v = new DataView(b.buffer);
    v.setUint16(0, this.iflag & 0xffff, true);
    v.setUint16(2, this.oflag & 0xffff, true);
    v.setUint16(4, this.cflag & 0xffff, true);
    v.setUint16(6, this.lflag & 0xffff, true);
    b[8] = this.line;
    b.set(this.cc.subarray(0, NCC), 9);
    return b;
  }

  /** TCSETA: the low 16 bits of each flag word come from struct termio, the rest stay. */
  decodeTermio(b: Uint8Array): void {
    const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
    this.iflag = ((this.iflag & 0xffff0000) | v.getUint16(0, true)) >>> 0;
    this.oflag = ((this.oflag & 0xffff0000) | v.getUint16(2, true)) >>> 0;
    this.cflag = ((this.cflag & 0xffff0000) | v.getUint16(4, true)) >>> 0;
    this.lflag = ((this.lflag & 0xffff0000) | v.getUint16(6, true)) >>> 0;
    this.line = b[8]!;
    this.cc.set(b.subarray(9, 9 + NCC));
  }
}
