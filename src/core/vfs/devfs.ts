/** /dev for hosts without one (the browser, tests): null, zero, full, random, urandom, tty, std streams. */
import { ENOSPC, ENXIO } from '../linux/errno.js';
import { makeStat, type Node, SyntheticFs } from './synthetic.js';
import type { Err, FileHandle, Stat } from './types.js';

type Reader = (buf: Uint8Array) => number;
type Writer = (buf: Uint8Array) => number;

class CharDevice implements FileHandle {
  readonly seekable = false;
  constructor(
    private readonly r: Reader,
    private readonly w: Writer,
    private readonly st: Stat,
    readonly path: string,
  ) {}
  read(buf: Uint8Array): number {
    return this.r(buf);
  }
  write(buf: Uint8Array): number {
    return this.w(buf);
  }
  stat(): Stat {
    return this.st;
  }
  truncate(): number {
    return 0;
  }
  sync(): number {
    return 0;
  }
  close(): void {}
}

export class DevFs extends SyntheticFs {
  readonly kind = 'devtmpfs';
  constructor(
    private readonly random: (buf: Uint8Array) => void,
    /** opens the controlling terminal, if there is one */
    private readonly tty: (() => FileHandle | Err) | null,
    outside: {
      stat(path: string, follow: boolean): Stat | Err;
      open(path: string, flags: number, mode: number): FileHandle | Err;
    },
  ) {
    super(0x5, outside);
  }
  protected mountPrefix(): string {
    return '/dev';
  }
  private dev(ino: number, major: number, minor: number, name: string, r: Reader, w: Writer): Node {
    const rdev = major * 256 + minor;
    const st = makeStat(ino, 0o020666, 0, this.devNo, rdev);
    return { kind: 'dev', ino, rdev, open: () => new CharDevice(r, w, st, '/dev/' + name) };
  }
  protected root(): Node {
    const all = (b: Uint8Array) => b.length;
    const rnd = (b: Uint8Array) => {
      this.random(b);
      return b.length;
    };
    const entries = new Map<string, Node>([
      ['null', this.dev(3, 1, 3, 'null', () => 0, all)],
      ['zero', this.dev(4, 1, 5, 'zero', (b) => (b.fill(0), b.length), all)],
      ['full', this.dev(5, 1, 7, 'full', (b) => (b.fill(0), b.length), () => -ENOSPC)],
      ['random', this.dev(6, 1, 8, 'random', rnd, all)],
      ['urandom', this.dev(7, 1, 9, 'urandom', rnd, all)],
      [
        'tty',
        {
          kind: 'dev',
          ino: 8,
          rdev: 5 * 256,
          open: () => (this.tty ? this.tty() : -ENXIO),
        },
      ],
      ['stdin', { kind: 'link', ino: 9, target: () => '/proc/self/fd/0' }],
      ['stdout', { kind: 'link', ino: 10, target: () => '/proc/self/fd/1' }],
      ['stderr', { kind: 'link', ino: 11, target: () => '/proc/self/fd/2' }],
      ['fd', { kind: 'link', ino: 12, target: () => '/proc/self/fd' }],
      ['shm', { kind: 'dir', ino: 13, mode: 0o1777, entries: () => new Map() }],
    ]);
    return { kind: 'dir', ino: 1, mode: 0o755, entries: () => entries };
  }
}
