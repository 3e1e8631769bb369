// /proc/PID/task, comm files and /proc/thread-self over a made-up process with two threads.
import { describe, expect, it } from 'vitest';
import { EACCES, EINVAL } from '../linux/errno.js';
import { O_WRONLY } from './flags.js';
import { MemFs } from './memfs.js';
import { ProcFs, type ProcSource, type ProcView, type TaskView } from './procfs.js';
import { Vfs } from './vfs.js';

const text = (b: Uint8Array) => new TextDecoder().decode(b);

function setup() {
  const names = new Map<number, string>([[42, 'prog'], [43, 'worker']]);
  const task = (tid: number): TaskView => ({
    tid,
    name: () => names.get(tid)!,
    status: () => `Name:\t${names.get(tid)}\nPid:\t${tid}\nTgid:\t42\n`,
    stat: () => `${tid} (${names.get(tid)}) S\n`,
  });
  const view: ProcView = {
    pid: 42, exe: '/bin/prog', cwd: '/', cmdline: new Uint8Array(0), environ: new Uint8Array(0),
    maps: () => '', fds: () => [], status: () => 'Name:\tprog\nPid:\t42\n', stat: () => '42 (prog) R\n', auxv: () => new Uint8Array(0),
    name: () => names.get(42)!,
    tasks: () => [...names].map(([tid, name]) => ({ tid, name, state: 'S' })),
    task: (tid) => (names.has(tid) ? task(tid) : undefined),
    setName: (tid, data) => {
      if (!names.has(tid)) return -EINVAL;
      names.set(tid, text(data.subarray(0, 15)));
      return data.length;
    },
  };
  const src: ProcSource = {
    self: () => view,
    get: (pid) => (pid === 42 ? view : undefined),
    pids: () => [42],
    threadSelf: () => '42/task/43',
    cpuinfo: () => '',
    meminfo: () => '',
    uptime: () => '',
    version: () => 'Linux version 6.1.0-a64play\n',
    mounts: () => '',
  };
  const vfs = new Vfs();
  vfs.mount('/', new MemFs());
  vfs.mount('/proc', new ProcFs(src, { stat: (p, f) => vfs.stat(p, f), open: (p, f, m) => vfs.open(p, f, m) }));
  return { vfs, names };
}

const read = (vfs: Vfs, path: string) => {
  const b = vfs.readFile(path);
  if (typeof b === 'number') throw new Error(`${path}: ${b}`);
  return text(b);
};

describe('/proc/PID/task', () => {
  it('lists the threads, each with its own stat, status and comm', () => {
    const { vfs } = setup();
    const names = (vfs.readdir('/proc/self/task') as { name: string }[]).map((d) => d.name).filter((n) => !n.startsWith('.'));
    expect(names).toEqual(['42', '43']);
    expect(read(vfs, '/proc/42/task/43/stat')).toBe('43 (worker) S\n');
    expect(read(vfs, '/proc/42/task/43/status')).toContain('Pid:\t43\n');
    expect(read(vfs, '/proc/self/task/43/comm')).toBe('worker\n');
    expect(read(vfs, '/proc/self/task/42/comm')).toBe('prog\n');
    expect(read(vfs, '/proc/self/comm')).toBe('prog\n');
    // the per-thread directory has the process's other files too, but no task/ of its own
    expect(read(vfs, '/proc/42/task/43/stat')).not.toBe(read(vfs, '/proc/42/stat'));
    expect(vfs.readlink('/proc/42/task/43/exe')).toBe('/bin/prog');
    expect(typeof vfs.stat('/proc/42/task/43/task')).toBe('number');
    // distinct inodes for /proc/42 and /proc/42/task/42
    const a = vfs.stat('/proc/42', true);
    const b = vfs.stat('/proc/42/task/42', true);
    expect(typeof a !== 'number' && typeof b !== 'number' && a.ino !== b.ino).toBe(true);
  });

  it('/proc/thread-self names the calling thread', () => {
    const { vfs } = setup();
    expect(vfs.readlink('/proc/thread-self')).toBe('42/task/43');
    expect(read(vfs, '/proc/thread-self/comm')).toBe('worker\n');
  });

  it('comm files are writable (write renames the thread); other generated files are not', () => {
    const { vfs, names } = setup();
    const h = vfs.open('/proc/self/task/43/comm', O_WRONLY, 0);
    if (typeof h === 'number') throw new Error(`open: ${h}`);
    expect(h.write(new TextEncoder().encode('renamed'), 0)).toBe(7);
    expect(names.get(43)).toBe('renamed');
    expect(vfs.open('/proc/self/stat', O_WRONLY, 0)).toBe(-EACCES);
  });
});
