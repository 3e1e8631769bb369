import { describe, expect, it } from 'vitest';
import { IN_ALL_EVENTS, IN_ATTRIB, IN_DELETE_SELF, IN_IGNORED, IN_MODIFY, InotifyInstance, InotifyTable } from './inotify.js';

/** Decodes the events a read returns: [wd, mask] pairs. */
function events(inst: InotifyInstance): [number, number][] {
  const buf = new Uint8Array(4096);
  const n = inst.read(buf);
  if (n < 0) return [];
  const dv = new DataView(buf.buffer);
  const out: [number, number][] = [];
  for (let off = 0; off < n; off += 16 + dv.getUint32(off + 12, true)) out.push([dv.getInt32(off, true), dv.getUint32(off + 4, true)]);
  return out;
}

describe('inotify watches on files changed from outside (the CLI\'s host files)', () => {
  it('reports what changed since the last look, once, and not what a call already reported', () => {
    let file: { mtimeNs: number; ctimeNs: number; size: number } | null = { mtimeNs: 1, ctimeNs: 1, size: 10 };
    const table = new InotifyTable(() => (file ? { ...file } : null));
    const inst = new InotifyInstance(table);
    const wd = table.watch(inst, 'key', IN_ALL_EVENTS, '/f', true, false);
    expect(events(inst)).toEqual([]);
    // a host program appends
    file = { mtimeNs: 2, ctimeNs: 2, size: 20 };
    expect(events(inst)).toEqual([[wd, IN_MODIFY]]);
    expect(events(inst)).toEqual([]);
    // a guest call changes the file and reports it: no second report from the look
    file = { mtimeNs: 3, ctimeNs: 3, size: 30 };
    table.event('key', IN_MODIFY);
    expect(events(inst)).toEqual([[wd, IN_MODIFY]]);
    // only the inode changed (chmod from outside)
    file = { mtimeNs: 3, ctimeNs: 4, size: 30 };
    expect(inst.poll()).not.toBe(0);
    expect(events(inst)).toEqual([[wd, IN_ATTRIB]]);
    // removed from outside: the watch ends
    file = null;
    expect(events(inst)).toEqual([[wd, IN_DELETE_SELF], [wd, IN_IGNORED]]);
    expect(inst.watches.size).toBe(0);
  });
});
