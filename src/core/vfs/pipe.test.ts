import { describe, expect, it } from 'vitest';
import { EAGAIN, EBUSY, EINVAL, EPIPE } from '../linux/errno.js';
import { Pipe, PIPE_CAPACITY, pipeOf, PipeReader, PipeWriter } from './pipe.js';
import { POLLERR, POLLHUP, POLLIN, POLLOUT, POLLRDNORM, POLLWRNORM, type Stat } from './types.js';

function make() {
  const pipe = new Pipe();
  return { pipe, r: new PipeReader(pipe), w: new PipeWriter(pipe) };
}

/** Non-blocking writes of `chunk` bytes until EAGAIN; returns the total and any short write. */
function fill(w: PipeWriter, chunk: number): { total: number; shorts: number[] } {
  const data = new Uint8Array(chunk).fill(7);
  let total = 0;
  const shorts: number[] = [];
  for (;;) {
    const n = w.write(data);
    if (n < 0) {
      expect(n).toBe(-EAGAIN);
      return { total, shorts };
    }
    if (n < chunk) shorts.push(n);
    total += n;
  }
}

describe('pipe buffering (as measured on Linux 6.x)', () => {
  it('holds 65536 bytes written one at a time', () => {
    const { w } = make();
    expect(fill(w, 1).total).toBe(65536);
  });

  it('holds 54096 bytes written 5000 at a time, the last write short', () => {
    // the leading 904 (5000 % 4096) bytes of each write top up the last page when they fit
    const { w } = make();
    expect(fill(w, 5000)).toEqual({ total: 54096, shorts: [4096] });
  });

  it('takes 65536 of a 100000-byte write, then nothing', () => {
    const { w } = make();
    expect(fill(w, 100000)).toEqual({ total: 65536, shorts: [65536] });
  });

  it('writes of at most PIPE_BUF bytes are all or nothing', () => {
    const { r, w } = make();
    expect(w.write(new Uint8Array(65536 - 100))).toBe(65536 - 100); // 16 pages, the last with 3996 bytes
    expect(w.write(new Uint8Array(200))).toBe(-EAGAIN); // does not fit in the last page, no free page
    expect(w.write(new Uint8Array(100))).toBe(100); // fits in the last page
    expect(r.read(new Uint8Array(4096))).toBe(4096); // frees a page
    expect(w.write(new Uint8Array(4096))).toBe(4096);
    expect(w.write(new Uint8Array(1))).toBe(-EAGAIN);
  });

  it('does not merge into a page after the pipe was emptied', () => {
    const { r, w } = make();
    for (let i = 0; i < 16; i++) expect(w.write(new Uint8Array(1))).toBe(1); // all in one page
    expect(r.read(new Uint8Array(16))).toBe(16);
    for (let i = 0; i < 16; i++) expect(w.write(new Uint8Array(4096))).toBe(4096);
    expect(w.write(new Uint8Array(1))).toBe(-EAGAIN);
  });

  it('reads across pages in order and keeps partial pages', () => {
    const { r, w } = make();
    w.write(Uint8Array.from([1, 2, 3]));
    w.write(new Uint8Array(4096).fill(9));
    const buf = new Uint8Array(5);
    expect(r.read(buf)).toBe(5);
    expect([...buf]).toEqual([1, 2, 3, 9, 9]);
    expect(r.available()).toBe(4094);
  });
});

describe('pipe ends', () => {
  it('reads EAGAIN while writers remain, then EOF', () => {
    const { r, w } = make();
    expect(r.read(new Uint8Array(1))).toBe(-EAGAIN);
    w.write(Uint8Array.of(5));
    w.close();
    const b = new Uint8Array(4);
    expect(r.read(b)).toBe(1);
    expect(r.read(b)).toBe(0);
  });

  it('write without readers is EPIPE, except an empty one', () => {
    const { r, w } = make();
    r.close();
    expect(w.write(new Uint8Array(1))).toBe(-EPIPE);
    expect(w.write(new Uint8Array(0))).toBe(0);
  });

  it('polls like pipe_poll', () => {
    const { r, w } = make();
    expect(r.poll()).toBe(0);
    expect(w.poll()).toBe(POLLOUT | POLLWRNORM);
    w.write(Uint8Array.of(1));
    expect(r.poll()).toBe(POLLIN | POLLRDNORM);
    fill(w, 4096);
    expect(w.poll()).toBe(0);
    w.close();
    expect(r.poll()).toBe(POLLIN | POLLRDNORM | POLLHUP);
    const p2 = make();
    p2.r.close();
    expect(p2.w.poll()).toBe(POLLOUT | POLLWRNORM | POLLERR);
  });

  it('wakes readers on each write once polled, writers only when a full pipe drains', () => {
    const { r, w } = make();
    const q0 = r.waitq.inWakes;
    w.write(Uint8Array.of(1));
    expect(r.waitq.inWakes).toBe(q0 + 1); // was empty
    w.write(Uint8Array.of(1));
    expect(r.waitq.inWakes).toBe(q0 + 1); // not empty, never polled
    r.poll();
    w.write(Uint8Array.of(1));
    expect(r.waitq.inWakes).toBe(q0 + 2);
    const o0 = w.waitq.outWakes;
    r.read(new Uint8Array(1));
    expect(w.waitq.outWakes).toBe(o0);
    fill(w, 4096);
    r.read(new Uint8Array(1));
    expect(w.waitq.outWakes).toBe(o0 + 1);
  });

  it('reports Linux stat, path and ftruncate/fsync errors', () => {
    const { r, w } = make();
    expect((r.stat() as Stat).mode).toBe(0o010600);
    expect(r.path).toBe(w.path);
    expect(r.path).toMatch(/^pipe:\[\d+\]$/);
    expect(w.truncate()).toBe(-EINVAL);
    expect(w.sync()).toBe(-EINVAL);
  });
});

describe('F_SETPIPE_SZ', () => {
  it('rounds up to a power-of-two number of pages', () => {
    const { pipe, w } = make();
    expect(pipeOf(w)).toBe(pipe);
    expect(pipe.capacity).toBe(PIPE_CAPACITY);
    expect(pipe.setCapacity(1)).toBe(4096);
    expect(pipe.setCapacity(0)).toBe(4096);
    expect(pipe.setCapacity(4097)).toBe(8192);
    expect(pipe.setCapacity(100000)).toBe(131072);
    expect(pipe.setCapacity(2 ** 31 + 1)).toBe(-EINVAL);
    expect(fill(w, 1).total).toBe(131072);
  });

  it('refuses to shrink below what is queued', () => {
    const { pipe, w } = make();
    w.write(new Uint8Array(3 * 4096));
    expect(pipe.setCapacity(8192)).toBe(-EBUSY);
    expect(pipe.setCapacity(16384)).toBe(16384);
  });
});

describe('packet mode (O_DIRECT)', () => {
  it('keeps writes apart and reads one packet, dropping the rest', () => {
    const { r, w } = make();
    w.packet = r.packet = true;
    w.write(Uint8Array.of(1, 2, 3));
    w.write(Uint8Array.of(4, 5));
    const b = new Uint8Array(2);
    expect(r.read(b)).toBe(2);
    expect([...b]).toEqual([1, 2]);
    expect(r.read(new Uint8Array(10))).toBe(2);
    expect(r.available()).toBe(0);
  });
});
