/** /proc: what a process sees of itself and of the machine a64play pretends to be. */
import { utf8Encode } from '../util/utf8.js';
import { type Node, SyntheticFs } from './synthetic.js';
import type { Err, FileHandle, Stat } from './types.js';

/** A thread as /proc/PID/task lists it. */
export interface TaskInfo {
  tid: number;
  /** its command name (comm) */
  name: string;
  /** the state letter of stat and status: R, S, T, Z */
  state: string;
}

/** What /proc/PID/task/TID/ shows of one thread. */
export interface TaskView {
  tid: number;
  name(): string;
  status(): string;
  stat(): string;
}

export interface ProcView {
  pid: number;
  exe: string;
  cwd: string;
  cmdline: Uint8Array; // NUL-separated
  environ: Uint8Array;
  maps(): string;
  fds(): { fd: number; target: string }[];
  status(): string;
  stat(): string;
  auxv(): Uint8Array;
  /** the command name (the leader thread's): /proc/PID/comm */
  name(): string;
  /** the live threads, in creation order (a zombie shows its leader) */
  tasks(): TaskInfo[];
  task(tid: number): TaskView | undefined;
  /** a write to a comm file: names thread `tid` (a thread of the writer's own process only); bytes taken or -errno */
  setName(tid: number, name: Uint8Array): number;
}

export interface ProcSource {
  self(): ProcView;
  get(pid: number): ProcView | undefined;
  pids(): number[];
  /** /proc/thread-self: the current thread as "PID/task/TID" */
  threadSelf(): string;
  cpuinfo(): string;
  meminfo(): string;
  uptime(): string;
  version(): string;
  mounts(): string;
}

const text = (s: () => string) => () => utf8Encode(s());

export class ProcFs extends SyntheticFs {
  readonly kind = 'proc';
  constructor(
    private readonly src: ProcSource,
    outside: {
      stat(path: string, follow: boolean): Stat | Err;
      open(path: string, flags: number, mode: number): FileHandle | Err;
    },
    private readonly prefix = '/proc',
  ) {
    super(0x14, outside);
  }

  protected mountPrefix(): string {
    return this.prefix;
  }

  /**
   * /proc/PID (task null) or /proc/PID/task/TID: the same files, but status, stat and comm
   * describe the one thread in a task directory, and only /proc/PID has `task`.
   */
  private processDir(v: ProcView, task: TaskView | null = null): Node {
    // a task directory's inodes sit beside its thread id's: even the leader's differ from /proc/PID's
    const base = task ? 0x10000 * (task.tid + 1) + 0x8000 : 0x10000 * (v.pid + 1);
    const tid = task ? task.tid : v.pid;
    const entries: [string, Node][] = [
      ['exe', { kind: 'link', ino: base + 1, target: () => v.exe }],
      ['cwd', { kind: 'link', ino: base + 2, target: () => v.cwd }],
      ['root', { kind: 'link', ino: base + 3, target: () => '/' }],
      ['maps', { kind: 'file', ino: base + 4, content: text(() => v.maps()) }],
      ['cmdline', { kind: 'file', ino: base + 5, content: () => v.cmdline }],
      ['environ', { kind: 'file', ino: base + 6, content: () => v.environ, mode: 0o400 }],
      ['status', { kind: 'file', ino: base + 7, content: text(() => (task ? task.status() : v.status())) }],
      ['stat', { kind: 'file', ino: base + 8, content: text(() => (task ? task.stat() : v.stat())) }],
      ['auxv', { kind: 'file', ino: base + 9, content: () => v.auxv(), mode: 0o400 }],
      ['mounts', { kind: 'file', ino: base + 10, content: text(() => this.src.mounts()) }],
      [
        'fd',
        {
          kind: 'dir',
          ino: base + 11,
          mode: 0o500,
          entries: () =>
            new Map<string, Node>(
              v.fds().map(({ fd, target }) => [String(fd), { kind: 'link', ino: base + 0x100 + fd, target: () => target }]),
            ),
        },
      ],
      [
        'comm',
        {
          kind: 'file',
          ino: base + 12,
          mode: 0o644,
          content: text(() => (task ? task.name() : v.name()) + '\n'),
          write: (data) => v.setName(tid, data),
        },
      ],
    ];
    if (!task)
      entries.push([
        'task',
        {
          kind: 'dir',
          ino: base + 13,
          entries: () => {
            const m = new Map<string, Node>();
            for (const { tid } of v.tasks()) {
              const t = v.task(tid);
              if (t) m.set(String(tid), this.processDir(v, t));
            }
            return m;
          },
        },
      ]);
    return { kind: 'dir', ino: base, entries: () => new Map(entries) };
  }

  protected root(): Node {
    return {
      kind: 'dir',
      ino: 1,
      entries: () => {
        const m = new Map<string, Node>([
          ['self', { kind: 'link', ino: 2, target: () => String(this.src.self().pid) }],
          ['thread-self', { kind: 'link', ino: 12, target: () => this.src.threadSelf() }],
          ['cpuinfo', { kind: 'file', ino: 3, content: text(() => this.src.cpuinfo()) }],
          ['meminfo', { kind: 'file', ino: 4, content: text(() => this.src.meminfo()) }],
          ['uptime', { kind: 'file', ino: 5, content: text(() => this.src.uptime()) }],
          ['version', { kind: 'file', ino: 6, content: text(() => this.src.version()) }],
          ['mounts', { kind: 'file', ino: 7, content: text(() => this.src.mounts()) }],
          [
            'sys',
            {
              kind: 'dir',
              ino: 8,
              entries: () =>
                new Map<string, Node>([
                  [
                    'kernel',
                    {
                      kind: 'dir',
                      ino: 9,
                      entries: () =>
                        new Map<string, Node>([
                          ['pid_max', { kind: 'file', ino: 10, content: text(() => '4194304\n') }],
                          ['osrelease', { kind: 'file', ino: 11, content: text(() => this.src.version().split(' ')[2] + '\n') }],
                        ]),
                    },
                  ],
                ]),
            },
          ],
        ]);
        for (const pid of this.src.pids()) {
          const v = this.src.get(pid);
          if (v) m.set(String(pid), this.processDir(v));
        }
        return m;
      },
    };
  }
}
