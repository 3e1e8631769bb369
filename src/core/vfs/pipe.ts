/**
 * Pipes as Linux buffers them: a ring of page-sized buffers (16 by default, 64 KiB). A write
 * first tops up the last page with its leading `len % 4096` bytes when they fit, then fills fresh
 * pages; so a write of at most PIPE_BUF (4096) bytes is all-or-nothing, and what fits in a full
 * pipe depends on how earlier writes were cut, exactly as on Linux (5000-byte writes fill 54096
 * bytes, 1-byte writes 65536). Packet mode (pipe2 O_DIRECT) keeps each write a separate buffer
 * and a read takes at most one.
 */
import { EAGAIN, EBADF, EBUSY, EINVAL, EPIPE } from '../linux/errno.js';
import { makeStat } from './synthetic.js';
import { type Err, type FileHandle, POLLERR, POLLHUP, POLLIN, POLLOUT, POLLRDNORM, POLLWRNORM, S_IFIFO, type Stat } from './types.js';
import { WaitQueue } from './waitq.js';

export const PIPE_PAGE = 4096;
/** writes up to this size are atomic */
export const PIPE_BUF = 4096;
export const PIPE_DEF_BUFFERS = 16;
/** Linux's default capacity */
export const PIPE_CAPACITY = PIPE_DEF_BUFFERS * PIPE_PAGE;

let nextPipeIno = 0x7000;

interface PipeBuffer {
  page: Uint8Array;
  off: number;
  len: number;
  /** a later write may append to this page (never in packet mode) */
  canMerge: boolean;
}

export class Pipe {
  /** oldest first */
  private bufs: PipeBuffer[] = [];
  /** how many buffers the ring holds (F_SETPIPE_SZ changes it) */
  private slots = PIPE_DEF_BUFFERS;
  /** bytes queued */
  size = 0;
  readers = 0;
  writers = 0;
  /** someone polled this pipe: from then on every write wakes the readers (Linux's poll_usage) */
  private polled = false;
  readonly readq = new WaitQueue();
  readonly writeq = new WaitQueue();
  readonly ino = nextPipeIno++;

  get capacity(): number {
    return this.slots * PIPE_PAGE;
  }

  get empty(): boolean {
    return this.bufs.length === 0;
  }

  get full(): boolean {
    return this.bufs.length >= this.slots;
  }

  /**
   * pipe_write without the waiting: returns the bytes taken (possibly fewer than offered when the
   * ring fills), -EAGAIN when none fit, -EPIPE without readers.
   */
  push(data: Uint8Array, packet = false): number {
    const total = data.length;
    if (total === 0) return 0; // a null write succeeds, readers or not
    if (this.readers === 0) return -EPIPE;
    const wasEmpty = this.empty;
    let done = 0;
    const head = total & (PIPE_PAGE - 1);
    if (head && !wasEmpty) {
      const last = this.bufs[this.bufs.length - 1]!;
      const at = last.off + last.len;
      if (last.canMerge && at + head <= PIPE_PAGE) {
        last.page.set(data.subarray(0, head), at);
        last.len += head;
        done = head;
      }
    }
    while (done < total && !this.full) {
      const n = Math.min(PIPE_PAGE, total - done);
      const page = new Uint8Array(PIPE_PAGE);
      page.set(data.subarray(done, done + n));
      this.bufs.push({ page, off: 0, len: n, canMerge: !packet });
      done += n;
    }
    if (done === 0) return -EAGAIN;
    this.size += done;
    if (wasEmpty || this.polled) this.readq.wake(POLLIN | POLLRDNORM);
    return done;
  }

  /**
   * pipe_read without the waiting: returns bytes read, -EAGAIN when empty with writers, 0 (EOF)
   * when empty without. In packet mode a read takes one buffer and drops what did not fit.
   */
  pull(buf: Uint8Array, packet = false): number {
    if (buf.length === 0) return 0;
    if (this.empty) return this.writers > 0 ? -EAGAIN : 0;
    const wasFull = this.full;
    let n = 0;
    while (n < buf.length && this.bufs.length) {
      const b = this.bufs[0]!;
      const k = Math.min(b.len, buf.length - n);
      buf.set(b.page.subarray(b.off, b.off + k), n);
      n += k;
      b.off += k;
      b.len -= k;
      if (packet) {
        this.size -= b.len;
        b.len = 0;
      }
      if (b.len === 0) this.bufs.shift();
      if (packet) break;
    }
    this.size -= n;
    if (wasFull) this.writeq.wake(POLLOUT | POLLWRNORM);
    return n;
  }

  /** F_SETPIPE_SZ: rounds up to a power-of-two number of pages (0 gives one); returns the new size or -errno. */
  setCapacity(bytes: number): number {
    if (bytes > 2 ** 31 || bytes < 0) return -EINVAL;
    const size = bytes <= PIPE_PAGE ? PIPE_PAGE : 2 ** Math.ceil(Math.log2(bytes));
    const slots = size / PIPE_PAGE;
    if (slots < this.bufs.length) return -EBUSY;
    const wasFull = this.full;
    this.slots = slots;
    if (wasFull && !this.full) this.writeq.wake(POLLOUT | POLLWRNORM);
    return size;
  }

  /** pipe_poll for an end open for reading and/or writing */
  poll(reading: boolean, writing: boolean): number {
    this.polled = true;
    let mask = 0;
    if (reading) {
      if (!this.empty) mask |= POLLIN | POLLRDNORM;
      if (this.writers === 0) mask |= POLLHUP;
    }
    if (writing) {
      if (!this.full) mask |= POLLOUT | POLLWRNORM;
      if (this.readers === 0) mask |= POLLERR;
    }
    return mask;
  }

  /** One end went away: when that leaves the pipe one-sided, everyone waiting hears of it. */
  endClosed(): void {
    if (this.readers === 0 || this.writers === 0) {
      this.readq.wake();
      this.writeq.wake();
    }
  }
}

export abstract class PipeEnd implements FileHandle {
  readonly seekable = false;
  /** O_DIRECT on this end: packet mode */
  packet = false;
  /** a FIFO's end: the node's path and stat (what fstat and /proc/self/fd show), else null */
  named: { path: string; stat: () => Stat | Err } | null = null;
  private closed = false;
  constructor(readonly pipe: Pipe) {}
  abstract read(buf: Uint8Array): number;
  abstract write(buf: Uint8Array): number;
  abstract poll(): number;
  abstract get waitq(): WaitQueue;
  stat(): Stat | Err {
    return this.named ? this.named.stat() : makeStat(this.pipe.ino, S_IFIFO | 0o600, 0, 0xc);
  }
  truncate(): number {
    return -EINVAL;
  }
  sync(): number {
    return -EINVAL;
  }
  available(): number {
    return this.pipe.size;
  }
  get path(): string {
    return this.named ? this.named.path : `pipe:[${this.pipe.ino}]`;
  }
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.onClose();
    this.pipe.endClosed();
  }
  protected abstract onClose(): void;
}

export class PipeReader extends PipeEnd {
  constructor(pipe: Pipe) {
    super(pipe);
    pipe.readers++;
  }
  /** Empty pipe with writers: -EAGAIN (the kernel blocks unless O_NONBLOCK). Empty without writers: 0 (EOF). */
  read(buf: Uint8Array): number {
    return this.pipe.pull(buf, this.packet);
  }
  write(): number {
    return -EBADF;
  }
  poll(): number {
    return this.pipe.poll(true, false);
  }
  get waitq(): WaitQueue {
    return this.pipe.readq;
  }
  protected onClose(): void {
    this.pipe.readers--;
  }
}

export class PipeWriter extends PipeEnd {
  constructor(pipe: Pipe) {
    super(pipe);
    pipe.writers++;
  }
  read(): number {
    return -EBADF;
  }
  /** No readers: -EPIPE (the kernel raises SIGPIPE). Full: -EAGAIN. At most 4096 bytes: all or nothing. */
  write(buf: Uint8Array): number {
    return this.pipe.push(buf, this.packet);
  }
  poll(): number {
    return this.pipe.poll(false, true);
  }
  get waitq(): WaitQueue {
    return this.pipe.writeq;
  }
  protected onClose(): void {
    this.pipe.writers--;
  }
}

/** The pipe behind a handle (for F_GETPIPE_SZ / F_SETPIPE_SZ, which fail with EBADF otherwise). */
export function pipeOf(h: FileHandle): Pipe | null {
  return h instanceof PipeEnd ? h.pipe : null;
}
