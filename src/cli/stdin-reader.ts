/**
 * Host input that never blocks the emulator's thread. A worker thread reads a host descriptor
 * (a terminal, a pipe, a socket) with Node's own non-blocking streams and copies the bytes into a
 * ring buffer in a SharedArrayBuffer; the emulator takes them out whenever it likes. Every arrival
 * (bytes, end of input, an error, a new terminal size) bumps one shared counter, so the emulator
 * can sleep on it with Atomics.wait when all guest threads wait for input (HostEvents.idle).
 *
 * The worker is unref'ed: it never keeps Node alive. Regular files and /dev/null do not need it
 * (their reads never block); HostStdio keeps reading those synchronously.
 */
import { Worker } from 'node:worker_threads';
import { errnoNames } from '../core/linux/errno.js';

/**
 * What wakes the emulator: a counter every reader bumps (Atomics.notify) when something arrives,
 * and the handlers that move what arrived to where it belongs (a terminal's line discipline).
 */
export class HostEvents {
  /** [0]: bumped on every arrival */
  readonly counter = new Int32Array(new SharedArrayBuffer(4));
  private seen = 0;
  private readonly handlers: (() => void)[] = [];

  /** Runs `fn` from pump() whenever something has arrived. */
  onArrival(fn: () => void): void {
    this.handlers.push(fn);
  }

  /**
   * Hands what arrived since the last call to the handlers, without blocking. Cheap when nothing
   * did: the kernel calls it between time slices so ^C reaches a guest that makes no syscalls.
   */
  pump(): void {
    const now = Atomics.load(this.counter, 0);
    if (now === this.seen) return;
    this.seen = now;
    for (const fn of this.handlers) fn();
  }

  /**
   * Blocks the thread until host input may have arrived or `timeoutNs` has passed (Infinity:
   * no limit), then pumps. Returns at once if something arrived since the last pump.
   */
  idle(timeoutNs: number): void {
    if (Atomics.load(this.counter, 0) === this.seen && timeoutNs > 0) {
      Atomics.wait(this.counter, 0, this.seen, timeoutNs === Infinity ? Infinity : timeoutNs / 1e6);
    }
    this.pump();
  }
}

// Ring header (Int32 slots); the data follows it.
const HEAD = 0; // bytes written, ever (wraps at 2^32)
const TAIL = 1; // bytes taken, ever
const STATE = 2; // OPEN, ENDED or FAILED
const ERRNO = 3; // Linux errno of the failure
const COLS = 4; // terminal size, when the source is a terminal (0: unknown)
const ROWS = 5;
const HEADER_BYTES = 32;
const OPEN = 0;
const ENDED = 1;
const FAILED = 2;

/** The worker: one stream on the descriptor; backpressure by pausing it while the ring is full. */
const WORKER_SOURCE = `(() => {
const { workerData } = require('node:worker_threads');
const { fd, terminal, ring, wake, errnos } = workerData;
const hdr = new Int32Array(ring, 0, 8);
const data = new Uint8Array(ring, ${HEADER_BYTES});
const cap = data.length;
const counter = new Int32Array(wake);
const bump = () => { Atomics.add(counter, 0, 1); Atomics.notify(counter, 0); };
const fail = (e) => {
  Atomics.store(hdr, ${ERRNO}, errnos[e && e.code] || 5);
  Atomics.store(hdr, ${STATE}, ${FAILED});
  bump();
};
// A pending Atomics.waitAsync does not keep a worker alive, and a paused stream does not either:
// this does (the main thread has unref'ed the worker, so it never keeps Node alive).
setInterval(() => {}, 1 << 30);
// Read anonymous pipes and terminals through a descriptor of our own (reopened through
// /proc/self/fd): the stream may close it, and libuv makes it non-blocking or, for a terminal,
// replaces it; the process's own descriptor stays as it was. Not named FIFOs: one opened after its
// writers left would never report the end (Linux waits for a new writer). Sockets, FIFOs and
// hosts without /proc use the descriptor itself (libuv never closes 0, 1, 2).
const fs = require('node:fs');
let own = fd;
try {
  const target = fs.readlinkSync('/proc/self/fd/' + fd);
  if (terminal || target.startsWith('pipe:')) {
    const c = fs.constants;
    own = fs.openSync('/proc/self/fd/' + fd, c.O_RDONLY | c.O_NONBLOCK | c.O_NOCTTY);
  }
} catch {
  own = fd;
}
let stream;
try {
  stream = terminal
    ? new (require('node:tty').ReadStream)(own)
    : new (require('node:net').Socket)({ fd: own, readable: true, writable: false });
} catch (e) {
  fail(e);
  return;
}
const store = (chunk) => {
  const head = Atomics.load(hdr, ${HEAD});
  const free = cap - ((head - Atomics.load(hdr, ${TAIL})) | 0);
  const n = Math.min(free, chunk.length);
  const at = head & (cap - 1);
  const first = Math.min(n, cap - at);
  data.set(chunk.subarray(0, first), at);
  if (n > first) data.set(chunk.subarray(first, n), 0);
  Atomics.store(hdr, ${HEAD}, (head + n) | 0);
  if (n > 0) bump();
  return n;
};
// What did not fit waits here, the stream paused, until the emulator makes room; the end (or an
// error) is reported only after it.
const backlog = [];
let finish = null;
const drain = () => {
  while (backlog.length) {
    const tail = Atomics.load(hdr, ${TAIL}); // read first: if room appears meanwhile, the wait returns at once
    const chunk = backlog[0];
    const n = store(chunk);
    if (n === chunk.length) {
      backlog.shift();
      continue;
    }
    backlog[0] = chunk.subarray(n);
    const r = Atomics.waitAsync(hdr, ${TAIL}, tail);
    (r.async ? r.value : Promise.resolve()).then(drain);
    return;
  }
  if (finish) finish();
  else stream.resume();
};
stream.on('data', (chunk) => {
  backlog.push(chunk);
  if (backlog.length === 1) {
    stream.pause();
    drain();
  }
});
const later = (fn) => {
  finish = fn;
  if (!backlog.length) fn();
};
stream.on('end', () => later(() => { Atomics.store(hdr, ${STATE}, ${ENDED}); bump(); }));
stream.on('error', (e) => later(() => fail(e)));
if (terminal && stream._handle && stream._handle.getWindowSize) {
  const size = [0, 0];
  const check = () => {
    if (stream._handle.getWindowSize(size) !== 0) return;
    if (size[0] === Atomics.load(hdr, ${COLS}) && size[1] === Atomics.load(hdr, ${ROWS})) return;
    Atomics.store(hdr, ${COLS}, size[0]);
    Atomics.store(hdr, ${ROWS}, size[1]);
    bump();
  };
  check();
  setInterval(check, 100).unref();
}
})();`;

export interface StdinReaderOptions {
  /** the descriptor is a terminal: read it as one, and watch its window size */
  terminal?: boolean;
  /** ring size in bytes, a power of two (default 64 KiB) */
  capacity?: number;
}

/** A host descriptor read by a worker into a shared ring; the emulator side of it. */
export class StdinReader {
  private readonly ring: SharedArrayBuffer;
  private readonly hdr: Int32Array;
  private readonly data: Uint8Array;
  private readonly terminal: boolean;
  private worker: Worker | null = null;

  constructor(
    readonly fd: number,
    private readonly events: HostEvents,
    opts: StdinReaderOptions = {},
  ) {
    const cap = opts.capacity ?? 65536;
    if (cap & (cap - 1)) throw new Error('StdinReader capacity must be a power of two');
    this.ring = new SharedArrayBuffer(HEADER_BYTES + cap);
    this.hdr = new Int32Array(this.ring, 0, 8);
    this.data = new Uint8Array(this.ring, HEADER_BYTES);
    this.terminal = opts.terminal ?? false;
  }

  get started(): boolean {
    return this.worker !== null;
  }

  /** Starts the worker (once). Until then nothing is read from the descriptor. */
  start(): void {
    if (this.worker) return;
    const errnos: Record<string, number> = {};
    for (const [num, name] of Object.entries(errnoNames)) errnos[name] = Number(num);
    this.worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { fd: this.fd, terminal: this.terminal, ring: this.ring, wake: this.events.counter.buffer, errnos },
      stdout: false,
      stderr: false,
    });
    this.worker.on('error', () => {
      Atomics.store(this.hdr, ERRNO, 5); // EIO
      Atomics.store(this.hdr, STATE, FAILED);
      Atomics.add(this.events.counter, 0, 1);
    });
    this.worker.unref();
  }

  /** Bytes waiting in the ring. */
  available(): number {
    return (Atomics.load(this.hdr, HEAD) - Atomics.load(this.hdr, TAIL)) | 0;
  }

  /** Copies up to buf.length waiting bytes into buf; 0 when none are waiting. */
  read(buf: Uint8Array): number {
    let at = 0;
    return this.take((chunk) => {
      const n = Math.min(chunk.length, buf.length - at);
      buf.set(chunk.subarray(0, n), at);
      at += n;
      return n;
    }, buf.length);
  }

  /**
   * Offers the waiting bytes to `consume` (in at most two pieces, where the ring wraps), which
   * returns how many it took; returns the total taken.
   */
  take(consume: (chunk: Uint8Array) => number, max = Infinity): number {
    let total = 0;
    for (let piece = 0; piece < 2; piece++) {
      const tail = Atomics.load(this.hdr, TAIL);
      const avail = Math.min((Atomics.load(this.hdr, HEAD) - tail) | 0, max - total);
      if (avail <= 0) break;
      const at = tail & (this.data.length - 1);
      const chunk = this.data.slice(at, at + Math.min(avail, this.data.length - at));
      const n = consume(chunk);
      if (n <= 0) break;
      Atomics.store(this.hdr, TAIL, (tail + n) | 0);
      Atomics.notify(this.hdr, TAIL);
      total += n;
      if (n < chunk.length) break;
    }
    return total;
  }

  /** The source ended (EOF) and every byte has been taken. */
  get ended(): boolean {
    return Atomics.load(this.hdr, STATE) === ENDED && this.available() === 0;
  }

  /** The Linux errno the source failed with once every byte has been taken, else 0. */
  get error(): number {
    return Atomics.load(this.hdr, STATE) === FAILED && this.available() === 0 ? Atomics.load(this.hdr, ERRNO) : 0;
  }

  /** The terminal's size as the worker last saw it (terminals only). */
  windowSize(): { rows: number; cols: number } | null {
    const cols = Atomics.load(this.hdr, COLS);
    const rows = Atomics.load(this.hdr, ROWS);
    return cols > 0 && rows > 0 ? { rows, cols } : null;
  }

  /** Stops the worker (tests; the CLI just lets Node end it at exit). */
  async stop(): Promise<void> {
    const w = this.worker;
    if (w) await w.terminate();
  }
}
