/** The worker-fed ring of host input, and the events the emulator waits on. */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HostEvents, StdinReader } from './stdin-reader.js';

const linux = process.platform === 'linux';
let dir = '';
const cleanups: (() => unknown)[] = [];

beforeEach(() => {
  dir = fs.mkdtempSync(join(tmpdir(), 'a64play-stdin-'));
});

afterEach(async () => {
  for (const f of cleanups.splice(0).reverse()) await f();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A FIFO with a reader and a writer end (the reader opened first, so neither open waits). */
function fifo(): { r: number; w: number } {
  const path = join(dir, `fifo${cleanups.length}`);
  execFileSync('mkfifo', [path]);
  const r = fs.openSync(path, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
  const w = fs.openSync(path, fs.constants.O_WRONLY);
  let wOpen = true;
  // the worker reads a named FIFO through this descriptor and closes it at the end
  cleanups.push(() => {
    try {
      fs.closeSync(r);
    } catch {
      // closed by the worker's stream
    }
  });
  cleanups.push(() => wOpen && fs.closeSync(w));
  return {
    r,
    get w() {
      return w;
    },
    close() {
      wOpen = false;
      fs.closeSync(w);
    },
  } as { r: number; w: number; close(): void };
}

function reader(fd: number, events: HostEvents, capacity?: number): StdinReader {
  const r = new StdinReader(fd, events, { capacity });
  cleanups.push(() => r.stop());
  return r;
}

/** Waits in idle() until `done` holds (or fails after 5 s). */
function waitFor(events: HostEvents, done: () => boolean): void {
  const t0 = Date.now();
  while (!done()) {
    if (Date.now() - t0 > 5000) throw new Error('timed out');
    events.idle(100e6);
  }
}

describe('HostEvents', () => {
  it('idle() sleeps until the timeout when nothing arrives', () => {
    const e = new HostEvents();
    const t0 = Date.now();
    e.idle(50e6);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(45);
    e.idle(0);
    e.idle(-1);
  });

  it('pump() runs the handlers once per batch of arrivals; idle() returns at once if one is pending', () => {
    const e = new HostEvents();
    let runs = 0;
    e.onArrival(() => runs++);
    e.pump();
    expect(runs).toBe(0);
    Atomics.add(e.counter, 0, 1);
    Atomics.add(e.counter, 0, 1);
    const t0 = Date.now();
    e.idle(10e9);
    expect(Date.now() - t0).toBeLessThan(1000);
    expect(runs).toBe(1);
    e.pump();
    expect(runs).toBe(1);
  });
});

describe.runIf(linux)('StdinReader', () => {
  it('starts nothing until start(); then bytes written to the pipe arrive and idle() wakes for them', () => {
    const events = new HostEvents();
    const p = fifo();
    const r = reader(p.r, events);
    fs.writeSync(p.w, 'early');
    expect(r.started).toBe(false);
    expect(r.available()).toBe(0);
    r.start();
    r.start();
    waitFor(events, () => r.available() === 5);
    const buf = new Uint8Array(3);
    expect(r.read(buf)).toBe(3);
    expect(Buffer.from(buf).toString()).toBe('ear');
    expect(r.read(new Uint8Array(10))).toBe(2);
    expect(r.read(new Uint8Array(10))).toBe(0);
    expect(r.ended).toBe(false);
    expect(r.error).toBe(0);
  });

  it('reports the end once every byte is taken', () => {
    const events = new HostEvents();
    const p = fifo() as { r: number; w: number; close(): void };
    const r = reader(p.r, events);
    r.start();
    fs.writeSync(p.w, 'last');
    p.close();
    waitFor(events, () => r.available() === 4);
    expect(r.ended).toBe(false); // bytes still waiting
    expect(r.read(new Uint8Array(8))).toBe(4);
    waitFor(events, () => r.ended);
    expect(r.available()).toBe(0);
  });

  it('a ring smaller than the input: the worker waits for room, nothing is lost or reordered', () => {
    const events = new HostEvents();
    const p = fifo() as { r: number; w: number; close(): void };
    const r = reader(p.r, events, 64);
    r.start();
    const data = Buffer.alloc(40000); // fits the pipe's own 64 KiB, not the ring
    for (let i = 0; i < data.length; i++) data[i] = (i * 7 + (i >> 8)) & 0xff;
    fs.writeSync(p.w, data);
    p.close();
    const got: number[] = [];
    waitFor(events, () => {
      // a consumer that takes only part of what it is offered
      r.take((chunk) => {
        const n = Math.min(chunk.length, 50);
        for (let i = 0; i < n; i++) got.push(chunk[i]!);
        return n;
      });
      return r.ended;
    });
    expect(got.length).toBe(data.length);
    expect(Buffer.from(got).equals(data)).toBe(true);
  });

  it('a descriptor that is not a pipe, socket or terminal fails with an errno', () => {
    const events = new HostEvents();
    const path = join(dir, 'plain');
    fs.writeFileSync(path, 'x');
    const fd = fs.openSync(path, 'r');
    cleanups.push(() => fs.closeSync(fd));
    const r = reader(fd, events);
    r.start();
    waitFor(events, () => r.error !== 0);
    expect(r.error).toBeGreaterThan(0);
    expect(r.ended).toBe(false);
  });
});
