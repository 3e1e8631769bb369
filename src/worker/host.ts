/**
 * The kernel's Host in a Web Worker (or any JavaScript thread that may block): clocks from
 * performance.now, randomness from crypto.getRandomValues, sleeping through Atomics.wait on a
 * private SharedArrayBuffer (nobody notifies it: the wait always runs to its timeout).
 */
import type { Host } from '../core/linux/kernel.js';

/** crypto.getRandomValues refuses more than this many bytes at once. */
const RANDOM_CHUNK = 65536;

export function workerHost(): Host & { idle(timeoutNs: number): void } {
  const sleeper = new Int32Array(new SharedArrayBuffer(4));
  const sleep = (ns: number) => {
    if (ns > 0) Atomics.wait(sleeper, 0, 0, ns / 1e6);
  };
  // performance.now counts from timeOrigin, so the two add up to the wall clock
  const origin = performance.timeOrigin;
  return {
    realtimeNs: () => Math.round((origin + performance.now()) * 1e6),
    monotonicNs: () => Math.round(performance.now() * 1e6),
    randomBytes: (buf) => {
      // getRandomValues refuses views of shared memory: fill a private buffer and copy
      const scratch = new Uint8Array(Math.min(buf.length, RANDOM_CHUNK));
      for (let o = 0; o < buf.length; o += RANDOM_CHUNK) {
        const part = scratch.subarray(0, Math.min(RANDOM_CHUNK, buf.length - o));
        crypto.getRandomValues(part);
        buf.set(part, o);
      }
    },
    sleepNs: sleep,
    // input arrives as messages, handled between time slices: here there is nothing to wait for
    idle: sleep,
  };
}
