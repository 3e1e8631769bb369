/**
 * eventfd(2): a 64-bit counter. write adds (blocking while the sum would pass 2^64 - 2), read
 * returns the count and zeroes it, or with EFD_SEMAPHORE returns 1 and decrements; a read of a
 * zero counter blocks. Not a hot path, so the counter is a BigInt.
 */
import { EAGAIN, EINVAL } from '../linux/errno.js';
import { type FileHandle, POLLERR, POLLIN, POLLOUT, POLLRDNORM, POLLWRNORM, type Stat } from './types.js';
import { AnonInodeFile, WaitQueue } from './waitq.js';

export const EFD_SEMAPHORE = 1;

const MAX = 0xfffffffffffffffen; // ULLONG_MAX - 1
const ULLONG_MAX = 0xffffffffffffffffn;

function getU64(b: Uint8Array): bigint {
  let v = 0n;
  for (let i = 7; i >= 0; i--) v = (v << 8n) | BigInt(b[i]!);
  return v;
}

function putU64(b: Uint8Array, v: bigint): void {
  for (let i = 0; i < 8; i++) {
    b[i] = Number(v & 0xffn);
    v >>= 8n;
  }
}

export class EventFd extends AnonInodeFile implements FileHandle {
  readonly path = 'anon_inode:[eventfd]';
  readonly waitq = new WaitQueue();
  private count: bigint;

  constructor(
    initval: number,
    private readonly semaphore: boolean,
  ) {
    super();
    this.count = BigInt(initval >>> 0);
  }

  /** the counter, for /proc/self/fdinfo and tests */
  get value(): bigint {
    return this.count;
  }

  read(buf: Uint8Array): number {
    if (buf.length < 8) return -EINVAL;
    if (this.count === 0n) return -EAGAIN;
    const v = this.semaphore ? 1n : this.count;
    this.count -= v;
    putU64(buf, v);
    this.waitq.wake(POLLOUT);
    return 8;
  }

  write(buf: Uint8Array): number {
    if (buf.length < 8) return -EINVAL;
    const v = getU64(buf);
    if (v === ULLONG_MAX) return -EINVAL;
    if (MAX - this.count < v) return -EAGAIN;
    this.count += v;
    this.waitq.wake(POLLIN);
    return 8;
  }

  poll(): number {
    let mask = 0;
    if (this.count > 0n) mask |= POLLIN | POLLRDNORM;
    if (this.count === ULLONG_MAX) mask |= POLLERR;
    if (this.count < MAX) mask |= POLLOUT | POLLWRNORM;
    return mask;
  }

  close(): void {}
}
