/** Pipes: a bounded byte queue with a read end and a write end (Linux's default 64 KiB capacity). */
import { EAGAIN, EBADF, EPIPE, ESPIPE } from '../linux/errno.js';
import { makeStat } from './synthetic.js';
import { type FileHandle, S_IFIFO, type Stat } from './types.js';

export const PIPE_CAPACITY = 65536;
let nextPipeIno = 0x7000;

export class Pipe {
  private chunks: Uint8Array[] = [];
  size = 0;
  readers = 0;
  writers = 0;
  readonly ino = nextPipeIno++;

  push(data: Uint8Array): number {
    const room = PIPE_CAPACITY - this.size;
    if (room <= 0) return 0;
    const n = Math.min(room, data.length);
    this.chunks.push(data.slice(0, n));
    this.size += n;
    return n;
  }

  pull(buf: Uint8Array): number {
    let n = 0;
    while (n < buf.length && this.chunks.length) {
      const c = this.chunks[0]!;
      const k = Math.min(c.length, buf.length - n);
      buf.set(c.subarray(0, k), n);
      n += k;
      if (k === c.length) this.chunks.shift();
      else this.chunks[0] = c.subarray(k);
    }
    this.size -= n;
    return n;
  }
}

abstract class PipeEnd implements FileHandle {
  readonly seekable = false;
  private closed = false;
  constructor(protected readonly pipe: Pipe) {}
  abstract read(buf: Uint8Array): number;
  abstract write(buf: Uint8Array): number;
  stat(): Stat {
    return makeStat(this.pipe.ino, S_IFIFO | 0o600, 0, 0xc);
  }
  truncate(): number {
    return -ESPIPE;
  }
  sync(): number {
    return 0;
  }
  available(): number {
    return this.pipe.size;
  }
  get path(): string {
    return `pipe:[${this.pipe.ino}]`;
  }
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.onClose();
  }
  protected abstract onClose(): void;
}

export class PipeReader extends PipeEnd {
  constructor(pipe: Pipe) {
    super(pipe);
    pipe.readers++;
  }
  /**
   * Empty pipe with writers: -EAGAIN (the caller blocks or retries; with one thread nothing else
   * could fill it). Empty without writers: 0 (EOF).
   */
  read(buf: Uint8Array): number {
    if (buf.length === 0) return 0;
    if (this.pipe.size === 0) return this.pipe.writers > 0 ? -EAGAIN : 0;
    return this.pipe.pull(buf);
  }
  write(): number {
    return -EBADF;
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
  /** No readers: -EPIPE (the kernel raises SIGPIPE). Full: -EAGAIN. */
  write(buf: Uint8Array): number {
    if (this.pipe.readers === 0) return -EPIPE;
    if (buf.length === 0) return 0;
    const n = this.pipe.push(buf);
    return n === 0 ? -EAGAIN : n;
  }
  protected onClose(): void {
    this.pipe.writers--;
  }
}
