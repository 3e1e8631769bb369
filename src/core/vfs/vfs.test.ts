import { describe, expect, it } from 'vitest';
import { ENOENT, EROFS, EXDEV } from '../linux/errno.js';
import { DevFs } from './devfs.js';
import { O_RDONLY, O_WRONLY } from './flags.js';
import { MemFs } from './memfs.js';
import { ProcFs, type ProcSource } from './procfs.js';
import { joinPath, normalizePath, Vfs } from './vfs.js';

const text = (b: Uint8Array) => new TextDecoder().decode(b);

function setup() {
  const root = new MemFs();
  root.writeFile('/bin/prog', 'ELF?', 0o755);
  root.writeFile('/sysroot/lib/ld.so', 'loader');
  root.writeFile('/lib/ld.so', 'host loader');
  const vfs = new Vfs();
  vfs.mount('/', root);
  const src: ProcSource = {
    self: () => ({
      pid: 42, exe: '/bin/prog', cwd: '/tmp', cmdline: new TextEncoder().encode('prog\0-v\0'), environ: new Uint8Array(0),
      maps: () => '00400000-00401000 r-xp 00000000 00:00 0 /bin/prog\n', fds: () => [{ fd: 0, target: '/dev/null' }],
      status: () => 'Name:\tprog\n', stat: () => '42 (prog) R\n', auxv: () => new Uint8Array(16),
      name: () => 'prog', tasks: () => [{ tid: 42, name: 'prog', state: 'R' }],
      task: (tid) => (tid === 42 ? { tid, name: () => 'prog', status: () => 'Name:\tprog\n', stat: () => '42 (prog) R\n' } : undefined),
      setName: () => -22,
    }),
    get: (pid) => (pid === 42 ? src.self() : undefined),
    pids: () => [42],
    threadSelf: () => '42/task/42',
    cpuinfo: () => 'processor\t: 0\n',
    meminfo: () => 'MemTotal: 1 kB\n',
    uptime: () => '1.00 1.00\n',
    version: () => 'Linux version 6.1.0-a64play\n',
    mounts: () => '',
  };
  const outside = { stat: (p: string, f: boolean) => vfs.stat(p, f), open: (p: string, f: number, m: number) => vfs.open(p, f, m) };
  vfs.mount('/proc', new ProcFs(src, outside));
  vfs.mount('/dev', new DevFs((b) => b.fill(0xab), null, outside));
  return { vfs, root };
}

describe('paths', () => {
  it('normalises lexically', () => {
    expect(normalizePath('/a/./b//c/../d')).toBe('/a/b/d');
    expect(normalizePath('/../..')).toBe('/');
    expect(normalizePath('/a/b/')).toBe('/a/b/');
    expect(joinPath('/home/u', '../x')).toBe('/home/x');
    expect(joinPath('/home/u', '/etc')).toBe('/etc');
  });
});

describe('vfs mounts', () => {
  it('dispatches to the longest matching mount', () => {
    const { vfs } = setup();
    expect(vfs.readFile('/proc/cpuinfo')).toEqual(new TextEncoder().encode('processor\t: 0\n'));
    expect(text(vfs.readFile('/bin/prog') as Uint8Array)).toBe('ELF?');
    expect(vfs.stat('/procx')).toBe(-ENOENT);
  });

  it('follows /proc/self to the process and /proc/self/exe out to the executable', () => {
    const { vfs } = setup();
    expect(vfs.readlink('/proc/self')).toBe('42');
    expect(vfs.readlink('/proc/self/exe')).toBe('/bin/prog');
    expect(text(vfs.readFile('/proc/self/exe') as Uint8Array)).toBe('ELF?');
    expect(text(vfs.readFile('/proc/self/cmdline') as Uint8Array)).toBe('prog\0-v\0');
    expect(vfs.readlink('/proc/42/fd/0')).toBe('/dev/null');
    const names = (vfs.readdir('/proc') as { name: string }[]).map((d) => d.name);
    expect(names).toEqual(expect.arrayContaining(['.', '..', 'self', 'cpuinfo', '42']));
    expect(vfs.open('/proc/cpuinfo', O_WRONLY)).toBeLessThan(0);
    expect(vfs.unlink('/proc/cpuinfo')).toBe(-EROFS);
  });

  it('provides /dev/null, /dev/zero and /dev/urandom', () => {
    const { vfs } = setup();
    const z = vfs.open('/dev/zero', O_RDONLY);
    if (typeof z === 'number') throw new Error('open');
    const b = new Uint8Array(4).fill(9);
    expect(z.read(b, 0)).toBe(4);
    expect([...b]).toEqual([0, 0, 0, 0]);
    const r = vfs.open('/dev/urandom', O_RDONLY);
    if (typeof r === 'number') throw new Error('open');
    r.read(b, 0);
    expect([...b]).toEqual([0xab, 0xab, 0xab, 0xab]);
    const n = vfs.open('/dev/null', O_WRONLY);
    if (typeof n === 'number') throw new Error('open');
    expect(n.write(new Uint8Array(10), 0)).toBe(10);
    expect(n.read(b, 0)).toBe(0);
  });

  it('tries the sysroot first for absolute paths, like qemu -L', () => {
    const { vfs } = setup();
    vfs.sysroot = '/sysroot';
    expect(text(vfs.readFile('/lib/ld.so') as Uint8Array)).toBe('loader');
    expect(text(vfs.readFile('/bin/prog') as Uint8Array)).toBe('ELF?'); // not in the sysroot: falls through
  });

  it('refuses renames across mounts', () => {
    const { vfs } = setup();
    expect(vfs.rename('/bin/prog', '/proc/prog')).toBe(-EXDEV);
  });
});
