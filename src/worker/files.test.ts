import { describe, expect, it } from 'vitest';
import { MemFs } from '../core/vfs/memfs.js';
import { listDir, makeDir, readFile, remove, writeFile } from './files.js';
import { persistentEntries, restoreEntries } from './persist.js';
import { MAX_TRACE_LINES, TraceBuffer } from './trace.js';

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('files panel operations', () => {
  it('lists directories first, then by name, with sizes and kinds', () => {
    const fs = new MemFs();
    writeFile(fs, '/home/user/b.txt', utf8('hello'));
    makeDir(fs, '/home/user/zdir');
    fs.symlink('b.txt', '/home/user/a-link');
    const names = listDir(fs, '/home/user').map((e) => `${e.kind}:${e.name}:${e.kind === 'file' ? e.size : ''}`);
    expect(names).toEqual(['dir:zdir:', 'link:a-link:', 'file:b.txt:5']);
    expect(() => listDir(fs, '/nope')).toThrow(/ENOENT/);
  });

  it('writes keep an existing mode, reads copy, delete removes whole trees', () => {
    const fs = new MemFs();
    fs.writeFile('/x/run.sh', '#!', 0o755);
    writeFile(fs, '/x/run.sh', utf8('#!/bin/sh\n'));
    expect(fs.stat('/x/run.sh', true)).toMatchObject({ mode: 0o100755 });
    expect(new TextDecoder().decode(readFile(fs, '/x/run.sh'))).toBe('#!/bin/sh\n');
    writeFile(fs, '/x/deep/er/f', utf8('1'));
    remove(fs, '/x');
    expect(fs.stat('/x', false)).toBeLessThan(0);
    expect(() => remove(fs, '/')).toThrow();
    expect(() => makeDir(fs, '/tmp2/a/b')).toThrow(/ENOENT/);
  });
});

describe('persisted files', () => {
  it('keep the tree under the root without the skipped programs, and come back', () => {
    const fs = new MemFs();
    fs.writeFile('/etc/passwd', 'x');
    fs.writeFile('/home/user/prog', new Uint8Array(100), 0o755);
    fs.writeFile('/home/user/notes/a.txt', 'A', 0o600);
    fs.writeFile('/home/user/out.bin', new Uint8Array([1, 2, 3]));
    const { snapshot, truncated } = persistentEntries(fs, '/home/user', new Set(['/home/user/prog']));
    expect(truncated).toBe(false);
    expect(snapshot.entries.map((e) => e.path)).toEqual(['/home/user/notes', '/home/user/notes/a.txt', '/home/user/out.bin']);

    const fresh = new MemFs();
    fresh.mkdirp('/home/user');
    expect(restoreEntries(fresh, structuredClone(snapshot))).toBe(3);
    expect(new TextDecoder().decode(fresh.readFile('/home/user/notes/a.txt'))).toBe('A');
    expect(fresh.stat('/home/user/notes/a.txt', true)).toMatchObject({ mode: 0o100600 });
    expect([...fresh.readFile('/home/user/out.bin')]).toEqual([1, 2, 3]);
    expect(fresh.stat('/home/user/prog', true)).toBeLessThan(0);
  });
});

describe('trace buffer', () => {
  it('splits chunks into lines and keeps the newest MAX_TRACE_LINES', () => {
    const t = new TraceBuffer();
    t.sink('1 a() = 0\n1 b() = 0\n');
    expect(t.take()).toEqual({ lines: ['1 a() = 0', '1 b() = 0'], dropped: 0 });
    expect(t.take()).toBeNull();
    for (let i = 0; i < MAX_TRACE_LINES + 5; i++) t.sink(`1 n${i}() = 0\n`);
    const batch = t.take()!;
    expect(batch.lines.length).toBe(MAX_TRACE_LINES);
    expect(batch.dropped).toBe(5);
    expect(batch.lines[0]).toBe('1 n5() = 0');
  });
});
