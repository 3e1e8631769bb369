/**
 * /sys/devices/system/cpu: the CPUs a64play presents. The engine runs every guest thread on one
 * host thread, so it shows one CPU, as sched_getaffinity does; glibc's sysconf(_SC_NPROCESSORS_ONLN)
 * and get_nprocs() read `online` here, and would otherwise see the host's.
 */
import { utf8Encode } from '../util/utf8.js';
import { type Node, SyntheticFs } from './synthetic.js';

const text = (s: string) => () => utf8Encode(s);

export class SysCpuFs extends SyntheticFs {
  readonly kind = 'sysfs';
  constructor(private readonly prefix = '/sys/devices/system/cpu') {
    super(0x15);
  }

  protected mountPrefix(): string {
    return this.prefix;
  }

  protected root(): Node {
    const cpu0 = new Map<string, Node>([['online', { kind: 'file', ino: 11, content: text('1\n') }]]);
    return {
      kind: 'dir',
      ino: 1,
      entries: () =>
        new Map<string, Node>([
          ['online', { kind: 'file', ino: 2, content: text('0\n') }],
          ['possible', { kind: 'file', ino: 3, content: text('0\n') }],
          ['present', { kind: 'file', ino: 4, content: text('0\n') }],
          ['cpu0', { kind: 'dir', ino: 10, entries: () => cpu0 }],
        ]),
    };
  }
}
