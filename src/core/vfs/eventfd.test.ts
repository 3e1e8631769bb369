import { describe, expect, it } from 'vitest';
import { EAGAIN, EINVAL } from '../linux/errno.js';
import { EventFd } from './eventfd.js';
import { POLLIN, POLLOUT, POLLRDNORM, POLLWRNORM } from './types.js';

const u64 = (v: bigint) => {
  const b = new Uint8Array(8);
  new DataView(b.buffer).setBigUint64(0, v, true);
  return b;
};
const readU64 = (e: EventFd): bigint | number => {
  const b = new Uint8Array(8);
  const n = e.read(b);
  return n < 0 ? n : new DataView(b.buffer).getBigUint64(0, true);
};

describe('eventfd', () => {
  it('reads the whole count and resets it', () => {
    const e = new EventFd(3, false);
    expect(e.write(u64(4n))).toBe(8);
    expect(readU64(e)).toBe(7n);
    expect(readU64(e)).toBe(-EAGAIN);
  });

  it('EFD_SEMAPHORE reads 1 at a time', () => {
    const e = new EventFd(2, true);
    expect(readU64(e)).toBe(1n);
    expect(readU64(e)).toBe(1n);
    expect(readU64(e)).toBe(-EAGAIN);
  });

  it('needs 8-byte buffers and rejects 2^64-1', () => {
    const e = new EventFd(0, false);
    expect(e.read(new Uint8Array(7))).toBe(-EINVAL);
    expect(e.write(new Uint8Array(7))).toBe(-EINVAL);
    expect(e.write(u64(0xffffffffffffffffn))).toBe(-EINVAL);
    expect(e.read(new Uint8Array(16))).toBe(-EAGAIN); // larger buffers are fine
  });

  it('blocks writes that would pass 2^64-2', () => {
    const e = new EventFd(0, false);
    expect(e.write(u64(0xfffffffffffffffen))).toBe(8);
    expect(e.poll()).toBe(POLLIN | POLLRDNORM);
    expect(e.write(u64(1n))).toBe(-EAGAIN);
    expect(e.write(u64(0n))).toBe(8); // adding zero always fits
    expect(readU64(e)).toBe(0xfffffffffffffffen);
    expect(e.poll()).toBe(POLLOUT | POLLWRNORM);
  });

  it('is an anonymous inode', () => {
    const e = new EventFd(0, false);
    expect(e.stat().mode).toBe(0o600);
    expect(e.path).toBe('anon_inode:[eventfd]');
  });

  it('wakes readers on write and writers on read', () => {
    const e = new EventFd(0, false);
    e.write(u64(1n));
    expect([e.waitq.inWakes, e.waitq.outWakes]).toEqual([1, 0]);
    readU64(e);
    expect([e.waitq.inWakes, e.waitq.outWakes]).toEqual([1, 1]);
  });
});
