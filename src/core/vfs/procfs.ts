/** /proc: what a process sees of itself and of the machine a64play pretends to be. */
import { utf8Encode } from '../util/utf8.js';
import { type Node, SyntheticFs } from './synthetic.js';
import type { Err, FileHandle, Stat } from './types.js';

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
}

export interface ProcSource {
  self(): ProcView;
  get(pid: number): ProcView | undefined;
  pids(): number[];
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

  private processDir(v: ProcView): Node {
    const base = 0x10000 * (v.pid + 1);
    return {
      kind: 'dir',
      ino: base,
      entries: () =>
        new Map<string, Node>([
          ['exe', { kind: 'link', ino: base + 1, target: () => v.exe }],
          ['cwd', { kind: 'link', ino: base + 2, target: () => v.cwd }],
          ['root', { kind: 'link', ino: base + 3, target: () => '/' }],
          ['maps', { kind: 'file', ino: base + 4, content: text(() => v.maps()) }],
          ['cmdline', { kind: 'file', ino: base + 5, content: () => v.cmdline }],
          ['environ', { kind: 'file', ino: base + 6, content: () => v.environ, mode: 0o400 }],
          ['status', { kind: 'file', ino: base + 7, content: text(() => v.status()) }],
          ['stat', { kind: 'file', ino: base + 8, content: text(() => v.stat()) }],
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
        ]),
    };
  }

  protected root(): Node {
    return {
      kind: 'dir',
      ino: 1,
      entries: () => {
        const m = new Map<string, Node>([
          ['self', { kind: 'link', ino: 2, target: () => String(this.src.self().pid) }],
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
