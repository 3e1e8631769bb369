import { describe, expect, it } from 'vitest';
import { Kernel } from '../linux/kernel.js';
import { MemFs } from './memfs.js';
import type { FileHandle } from './types.js';
import { Vfs } from './vfs.js';

describe('/sys/devices/system/cpu', () => {
  it('shows the one CPU sched_getaffinity reports, where glibc counts online CPUs', () => {
    const vfs = new Vfs();
    vfs.mount('/', new MemFs());
    const none = {} as FileHandle;
    new Kernel({
      vfs,
      host: { realtimeNs: () => 0, monotonicNs: () => 0, randomBytes: () => {}, sleepNs: () => {} },
      memory: new WebAssembly.Memory({ initial: 16, maximum: 64, shared: true }),
      stdio: [none, none, none],
    });
    const read = (p: string) => {
      const b = vfs.readFile(p);
      return typeof b === 'number' ? b : new TextDecoder().decode(b);
    };
    expect(read('/sys/devices/system/cpu/online')).toBe('0\n');
    expect(read('/sys/devices/system/cpu/possible')).toBe('0\n');
    expect(read('/sys/devices/system/cpu/cpu0/online')).toBe('1\n');
    const names = vfs.readdir('/sys/devices/system/cpu');
    expect(typeof names === 'number' ? names : names.map((d) => d.name).filter((n) => /^cpu\d+$/.test(n))).toEqual(['cpu0']);
  });
});
