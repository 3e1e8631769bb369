/**
 * Named pipes (FIFOs). The node lives in a filesystem (mknod S_IFIFO); the pipe behind it lives
 * here, one per node, found by the node's inode as AF_UNIX names are. Opening follows Linux's
 * fifo_open: a reader waits for a writer and a writer for a reader (each counts as there while
 * it waits), O_NONBLOCK readers go ahead, O_NONBLOCK writers without a reader fail with ENXIO,
 * O_RDWR never waits. The pipe, and what is in it, goes when its last end closes.
 */
import { Pipe, PipeEnd, PipeReader, PipeWriter } from '../../vfs/pipe.js';
import type { WaitQueue } from '../../vfs/waitq.js';
import { O_ACCMODE, O_NONBLOCK, O_RDONLY, O_WRONLY } from '../abi.js';
import { ENXIO } from '../errno.js';
import type { Kernel } from '../kernel.js';
import type { SyscallContext } from '../syscalls.js';

const fifos = new WeakMap<Kernel, Map<string, Pipe>>();

/** The pipe of the FIFO at `abs` (a new one when nobody has it open). */
function pipeOf(c: SyscallContext, abs: string): Pipe | number {
  const id = c.k.vfs.identify(abs);
  if (typeof id === 'number') return id;
  const key = id.key;
  let all = fifos.get(c.k);
  if (!all) fifos.set(c.k, (all = new Map()));
  let pipe = all.get(key);
  if (!pipe || pipe.readers + pipe.writers === 0) all.set(key, (pipe = new Pipe()));
  return pipe;
}

/** Both ends in one handle, for O_RDWR. */
class FifoReadWrite extends PipeEnd {
  private readonly r: PipeReader;
  private readonly w: PipeWriter;
  constructor(pipe: Pipe) {
    super(pipe);
    this.r = new PipeReader(pipe);
    this.w = new PipeWriter(pipe);
  }
  read(buf: Uint8Array): number {
    return this.r.read(buf);
  }
  write(buf: Uint8Array): number {
    return this.w.write(buf);
  }
  poll(): number {
    return this.pipe.poll(true, true);
  }
  get waitq(): WaitQueue {
    return this.pipe.readq;
  }
  protected onClose(): void {
    this.r.close();
    this.w.close();
  }
}

/**
 * Opens the FIFO `abs` with `flags`: the end's handle, -errno, or BLOCKED (through c.block) while
 * it waits for the other side. fstat on the end shows the node.
 */
export function openFifo(c: SyscallContext, abs: string, flags: number): PipeEnd | number {
  const acc = flags & O_ACCMODE;
  let end = c.state.fifo as PipeEnd | undefined;
  if (!end) {
    const pipe = pipeOf(c, abs);
    if (typeof pipe === 'number') return pipe;
    if (acc === O_WRONLY && flags & O_NONBLOCK && pipe.readers === 0) return -ENXIO;
    const made: PipeEnd = acc === O_RDONLY ? new PipeReader(pipe) : acc === O_WRONLY ? new PipeWriter(pipe) : new FifoReadWrite(pipe);
    made.named = { path: abs, stat: () => c.k.vfs.stat(abs, true) };
    c.state.fifo = end = made;
    // interrupted while waiting: the end goes again
    c.onAbort = () => made.close();
    // the other side may be waiting for this one
    pipe.readq.wake();
    pipe.writeq.wake();
  }
  if (!(flags & O_NONBLOCK)) {
    if (acc === O_RDONLY && end.pipe.writers === 0) return c.block();
    if (acc === O_WRONLY && end.pipe.readers === 0) return c.block();
  }
  c.onAbort = null;
  return end;
}
