import { describe, expect, it } from 'vitest';
import { buildElf, dataAddr } from '../../../tests/helpers/elf.js';
import { MemFs } from '../vfs/memfs.js';
import type { FileHandle, Stat } from '../vfs/types.js';
import { Vfs } from '../vfs/vfs.js';
import { ExecFormatError } from '../elf/elf.js';
import { Kernel } from './kernel.js';
import { assemble } from '../asm/assembler/assemble.js';

class Capture implements FileHandle {
  readonly seekable = false;
  text = '';
  read(): number {
    return 0;
  }
  write(buf: Uint8Array): number {
    this.text += new TextDecoder().decode(buf);
    return buf.length;
  }
  stat(): Stat {
    return { dev: 0, ino: 0, mode: 0o010600, nlink: 1, uid: 0, gid: 0, rdev: 0, size: 0, blksize: 4096, blocks: 0, atimeNs: 0, mtimeNs: 0, ctimeNs: 0 };
  }
  truncate(): number {
    return 0;
  }
  sync(): number {
    return 0;
  }
  close(): void {}
}

function boot(files: Record<string, Uint8Array>, log?: (line: string) => void) {
  const fs = new MemFs();
  for (const [p, d] of Object.entries(files)) fs.writeFile(p, d, 0o755);
  const vfs = new Vfs();
  vfs.mount('/', fs);
  const out = new Capture();
  const err = new Capture();
  const trace: string[] = [];
  const k = new Kernel({
    vfs,
    host: { realtimeNs: () => 1.7e18, monotonicNs: () => 5e9, randomBytes: (b) => b.fill(7), sleepNs: () => {} },
    memory: new WebAssembly.Memory({ initial: 64, maximum: 4096, shared: true }),
    stdio: [new Capture(), out, err],
    trace: (t) => trace.push(t),
    log,
  });
  return { k, out, err, trace, fs };
}

const msg = new TextEncoder().encode('Hello, world!\n');
// write(1, msg, 14); exit_group(3)
const hello = [
  0xd2800020, // mov x0, #1
  0x580000e1, // ldr x1, .+28 (the literal right after the code)
  0xd28001c2, // mov x2, #14
  0xd2800808, // mov x8, #64
  0xd4000001, // svc #0
  0xd2800060, // mov x0, #3
  0xd2800bc8, // mov x8, #94
  0xd4000001, // svc #0
];

function withLiteral(words: number[], data: Uint8Array): Uint8Array {
  // the literal (address of msg) is the first 8 bytes of data, msg follows
  const lit = new Uint8Array(8 + data.length);
  new DataView(lit.buffer).setBigUint64(0, BigInt(dataAddr(words.length) + 8), true);
  lit.set(data, 8);
  return buildElf(words, lit);
}

describe('kernel', () => {
  it('runs a static program: write to stdout, exit status', () => {
    const { k, out } = boot({ '/bin/hello': withLiteral(hello, msg) });
    k.spawn('/bin/hello', ['hello'], []);
    const r = k.run();
    expect(out.text).toBe('Hello, world!\n');
    expect(r).toEqual({ status: 3, code: 3, signal: null, core: false });
  });

  it('traces syscalls in qemu style', () => {
    const { k, trace } = boot({ '/bin/hello': withLiteral(hello, msg) });
    const p = k.spawn('/bin/hello', ['hello'], []);
    k.run();
    expect(trace[0]).toBe(`${p.pid} write(1,0x${(dataAddr(8) + 8).toString(16)},14) = 14\n`);
    expect(trace[1]).toBe(`${p.pid} exit_group(3)\n`);
  });

  it('turns a NULL dereference into SIGSEGV (status 139, core)', () => {
    const { k } = boot({ '/bin/crash': buildElf([0xd2800000 /* mov x0,#0 */, 0xf9400000 /* ldr x0,[x0] */]) });
    k.spawn('/bin/crash', ['crash'], []);
    expect(k.run()).toEqual({ status: 139, code: null, signal: 11, core: true });
  });

  it('kills a process with SIGKILL when guest memory runs out, and says why in its log', () => {
    // maps 1 GiB and touches it a page at a time: far more than the 256 MiB the memory may grow to
    const src = `
      .global _start
      _start:
        mov x0, #0
        mov x1, #0x40000000
        mov x2, #3            // PROT_READ | PROT_WRITE
        mov x3, #0x22         // MAP_PRIVATE | MAP_ANONYMOUS
        mov x4, #-1
        mov x5, #0
        mov x8, #222          // mmap
        svc #0
        mov x9, x0
        add x10, x0, x1
      1: strb w2, [x9]
        add x9, x9, #4096
        cmp x9, x10
        b.lo 1b
        mov x0, #0
        mov x8, #94           // exit_group: reached only if nothing ran out
        svc #0
    `;
    const out = assemble(src);
    expect(out.diagnostics).toEqual([]);
    const log: string[] = [];
    const { k } = boot({ '/bin/hog': out.elf! }, (line) => log.push(line));
    k.spawn('/bin/hog', ['hog'], []);
    expect(k.run()).toEqual({ status: 137, code: null, signal: 9, core: false });
    expect(log).toHaveLength(1);
    expect(log[0]).toMatch(/^out of memory: killed process 1000 \(hog\); guest memory in use: \d+ MiB of at most \d+ MiB$/);
  });

  it('raises SIGILL for an undefined instruction', () => {
    const { k } = boot({ '/bin/ill': buildElf([0x00000000 /* udf #0 */]) });
    k.spawn('/bin/ill', ['ill'], []);
    expect(k.run().signal).toBe(4);
  });

  it('returns ENOSYS for unknown syscalls and keeps running', () => {
    const { k, trace } = boot({
      '/bin/nosys': buildElf([
        0xd2807ce8, // mov x8, #999
        0xd4000001, // svc #0
        0xaa0003e1, // mov x1, x0   (keep the result)
        0xcb0103e0, // neg x0, x1   -> 38
        0xd2800bc8, // mov x8, #94
        0xd4000001, // svc #0
      ]),
    });
    k.spawn('/bin/nosys', ['nosys'], []);
    expect(k.run().code).toBe(38);
    expect(trace[0]).toMatch(/syscall_999\(.*\) = -1 errno=38 \(Function not implemented\)/);
  });

  it('rejects files that are not aarch64 executables with one-line reasons', () => {
    const { k } = boot({
      '/x86': buildElf([0], undefined, { machine: 62 }),
      '/text': new TextEncoder().encode('just some words\n'),
      '/trunc': buildElf([0xd4000001]).subarray(0, 40),
      '/obj': buildElf([0], undefined, { type: 1 }),
    });
    const reason = (p: string) => {
      try {
        k.spawn(p, [p], []);
        return 'ran';
      } catch (e) {
        expect(e).toBeInstanceOf(ExecFormatError);
        return (e as Error).message;
      }
    };
    expect(reason('/x86')).toMatch(/wrong architecture: x86-64/);
    expect(reason('/text')).toMatch(/text file without a #! line/);
    expect(reason('/trunc')).toMatch(/truncated ELF/);
    expect(reason('/obj')).toMatch(/relocatable object/);
    expect(reason('/missing')).toMatch(/No such file or directory/);
  });

  it('runs #! scripts through their interpreter with the script path as an argument', () => {
    // the "interpreter" exits with argc as its status
    const interp = buildElf([
      0xf94003e0, // ldr x0, [sp]   (argc)
      0xd2800bc8, // mov x8, #94
      0xd4000001, // svc #0
    ]);
    const { k } = boot({ '/bin/interp': interp, '/script': new TextEncoder().encode('#!/bin/interp -x\nbody\n') });
    const p = k.spawn('/script', ['/script', 'a', 'b'], []);
    expect(k.run().code).toBe(5); // interp -x /script a b
    expect(p.exe).toBe('/bin/interp');
  });
});

describe('single-stepping (the debugger path)', () => {
  it('a program stepped one instruction at a time behaves as when it runs', async () => {
    const { readFileSync } = await import('node:fs');
    const bin = readFileSync(new URL('../../../tests/guest/bin/args_env', import.meta.url));
    const run = boot({ '/p': bin });
    run.k.spawn('/p', ['p', 'x y'], ['A64_STEP=1']);
    const ran = run.k.run();
    const stepped = boot({ '/p': bin });
    stepped.k.spawn('/p', ['p', 'x y'], ['A64_STEP=1']);
    const t = stepped.k.init.leader;
    let steps = 0;
    const pcs = new Set<number>();
    while (!stepped.k.init.exited) {
      pcs.add(stepped.k.pcOf(t));
      stepped.k.stepInstruction(t);
      steps++;
    }
    expect(stepped.out.text).toBe(run.out.text);
    expect(stepped.out.text).toContain('x y');
    expect(stepped.k.retired).toBe(run.k.retired);
    // every step retires exactly one instruction (exit_group's svc included)
    expect(steps).toBe(stepped.k.retired);
    expect(pcs.size).toBeGreaterThan(500);
  });
});
