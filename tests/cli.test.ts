/** The command-line runner as a user meets it: options, exit statuses, error messages. */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildElf, dataAddr } from './helpers/elf.js';

const root = join(import.meta.dirname, '..');
const cli = join(root, 'bin', 'a64play.js');
let dir = '';

function run(args: string[], opts: { input?: string; env?: Record<string, string> } = {}) {
  const r = spawnSync(process.execPath, [cli, ...args], {
    cwd: dir,
    input: opts.input ?? '',
    env: { PATH: '/usr/bin:/bin', ...opts.env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

/** A guest that writes its argv[0..argc) and exits with argc: exercises argv and -0. */
function echoArgsElf(): Uint8Array {
  // x19 = argc, x20 = &argv[0]; for each: strlen, write(1, s, len), write(1, "\n", 1)
  const w = [
    0xf94003f3, // ldr x19, [sp]
    0x910023f4, // add x20, sp, #8
    0xaa1303f5, // mov x21, x19
    // loop:
    0xb40002b5, // cbz x21, done (+21 words)
    0xf8408681, // ldr x1, [x20], #8
    0xd2800002, // mov x2, #0
    // strlen:
    0x38626823, // ldrb w3, [x1, x2]
    0x34000063, // cbz w3, +3
    0x91000442, // add x2, x2, #1
    0x17fffffd, // b strlen
    0xd2800020, // mov x0, #1
    0xd2800808, // mov x8, #64
    0xd4000001, // svc #0
    0xd2800020, // mov x0, #1
    0x580001c1, // ldr x1, nl_ptr (+14 words: the literal after the code)
    0xd2800022, // mov x2, #1
    0xd2800808, // mov x8, #64
    0xd4000001, // svc #0
    0xd10006b5, // sub x21, x21, #1
    0x17fffff0, // b loop
    0xd503201f, // nop
    0xd503201f, // nop
    0xd503201f, // nop
    0xd503201f, // nop
    // done:
    0xaa1303e0, // mov x0, x19
    0xd2800bc8, // mov x8, #94
    0xd4000001, // svc #0
    0xd503201f, // nop (pad so the literal is 8-aligned)
  ];
  const data = new Uint8Array(9);
  new DataView(data.buffer).setBigUint64(0, BigInt(dataAddr(w.length) + 8), true);
  data[8] = 10;
  return buildElf(w, data);
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'a64play-cli-'));
  writeFileSync(join(dir, 'echoargs'), echoArgsElf());
  chmodSync(join(dir, 'echoargs'), 0o755);
  writeFileSync(join(dir, 'notes.txt'), 'just text, no #! line\n');
  writeFileSync(join(dir, 'x86'), buildElf([0], undefined, { machine: 62 }));
  writeFileSync(join(dir, 'truncated'), echoArgsElf().subarray(0, 100));
  writeFileSync(join(dir, 'segv'), buildElf([0xd2800000 /* mov x0, #0 */, 0xf9400000 /* ldr x0, [x0] */]));
  // kill(getpid(), SIGTERM), then exit(0) if still alive
  const term = [0xd2801588 /* mov x8, #172 */, 0xd4000001 /* svc #0 */, 0xd28001e1 /* mov x1, #15 */, 0xd2801028 /* mov x8, #129 */];
  writeFileSync(join(dir, 'term'), buildElf([...term, 0xd4000001, 0xd2800000 /* mov x0, #0 */, 0xd2800ba8 /* mov x8, #93 */, 0xd4000001]));
  writeFileSync(join(dir, 'script'), '#!echoargs extra\n');
});

describe('a64play CLI', () => {
  it('runs a program with its arguments and returns its exit status', () => {
    const r = run(['echoargs', 'one', 'two words']);
    expect(r.stdout).toBe('echoargs\none\ntwo words\n');
    expect(r.status).toBe(3);
    expect(r.stderr).toBe('');
  });

  it('-0 sets argv[0]', () => {
    expect(run(['-0', 'renamed', 'echoargs']).stdout).toBe('renamed\n');
  });

  it('runs #! scripts through their interpreter', () => {
    const r = run(['./script', 'arg']);
    expect(r.stdout).toBe('echoargs\nextra\n./script\narg\n');
  });

  it('exits 139 with a shell-like message on SIGSEGV', () => {
    const r = run(['segv']);
    expect(r.status).toBe(139);
    expect(r.stderr).toBe('Segmentation fault (core dumped)\n');
  });

  it('dies of the signal that killed its guest, as qemu-aarch64 does (SIGTERM: no message of its own)', () => {
    const r = run(['term']);
    expect(r.signal).toBe('SIGTERM');
    expect(r.status).toBeNull();
    expect(r.stderr).toBe('');
  });

  it('gives one clear line and status 126 for files that are not aarch64 executables', () => {
    for (const [file, why] of [
      ['notes.txt', /text file without a #! line/],
      ['x86', /wrong architecture: x86-64/],
      ['truncated', /truncated ELF/],
      ['/bin/sh', /wrong architecture|not an ELF/],
    ] as const) {
      const r = run([file]);
      expect(r.status, file).toBe(126);
      expect(r.stderr.split('\n').filter(Boolean), file).toHaveLength(1);
      expect(r.stderr, file).toMatch(why);
      expect(r.stderr, file).not.toMatch(/\bat .*\.js:\d+/);
    }
  });

  it('status 127 for a missing program, 1 for bad options', () => {
    const missing = run(['does-not-exist']);
    expect(missing.status).toBe(127);
    expect(missing.stderr).toBe('a64play: does-not-exist: No such file or directory\n');
    const bad = run(['--frobnicate', 'echoargs']);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/unknown option '--frobnicate'/);
    expect(run([]).stderr).toMatch(/no program given/);
  });

  it('--help and --version', () => {
    const h = run(['--help']);
    expect(h.status).toBe(0);
    expect(h.stdout).toMatch(/usage: a64play \[options\] program/);
    for (const opt of ['-L', '-E', '-U', '-0', '-strace', '--stats']) expect(h.stdout).toContain(opt);
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
    expect(run(['--version']).stdout).toBe(`a64play ${pkg.version}\n`);
  });

  it('-strace logs each syscall in qemu format', () => {
    const r = run(['-strace', 'echoargs', 'x']);
    const lines = r.stderr.trim().split('\n');
    expect(lines[0]).toMatch(/^\d+ write\(1,0x[0-9a-f]+,8\) = 8$/);
    expect(lines.at(-1)).toMatch(/^\d+ exit_group\(2\)$/);
    expect(r.stdout).toBe('echoargs\nx\n');
  });

  it('-strace names ioctl requests and fcntl commands, and leaves out the argument commands without one', () => {
    // guest fixtures: tty_probe asks whether its descriptors are terminals, fileio sets close-on-exec flags
    const probe = run(['-strace', join(root, 'tests', 'guest', 'bin', 'tty_probe')]).stderr.split('\n');
    expect(probe).toContainEqual(expect.stringMatching(/^\d+ ioctl\(1,TCGETS,0x[0-9a-f]+\) = -1 errno=25 /));
    expect(probe).toContainEqual(expect.stringMatching(/^\d+ ioctl\(0,TIOCGWINSZ,0x[0-9a-f]+\) = -1 errno=25 /));
    const lines = run(['-strace', join(root, 'tests', 'guest', 'bin', 'fileio')]).stderr.split('\n');
    expect(lines).toContainEqual(expect.stringMatching(/^\d+ fcntl\(\d+,F_GETFD\) = [01]$/));
    expect(lines).toContainEqual(expect.stringMatching(/^\d+ fcntl\(\d+,F_SETFD,0x1\) = 0$/));
  });

  it('-d in_asm logs each block of code, disassembled, when it is first reached', () => {
    const r = run(['-d', 'in_asm', 'echoargs', 'x']);
    expect(r.stdout).toBe('echoargs\nx\n');
    const blocks = r.stderr.split('----------------\n').filter(Boolean);
    // the first block starts at the entry with the program's first instructions
    expect(blocks[0]).toMatch(/^IN: \n0x[0-9a-f]{8}:  f94003f3  ldr x19, \[sp\]\n0x[0-9a-f]{8}:  910023f4  add x20, sp, #0x8\n/);
    // the strlen loop's block (from its ldrb) is logged once, however often it runs
    expect(blocks.filter((b) => /^IN: \n0x[0-9a-f]{8}:  38626823  ldrb w3, \[x1, x2\]\n/.test(b)).length).toBe(1);
    expect(run(['-d', 'exec', 'echoargs']).stderr).toBe("a64play: -d: unknown log item 'exec' (a64play logs in_asm)\n");
  });

  it('--stats reports instructions, time and MIPS', () => {
    const r = run(['--stats', 'echoargs']);
    expect(r.stderr).toMatch(/^a64play: \d+ instructions in \d+\.\d{3} s \(\d+\.\d MIPS\)\n$/);
    const n = Number(/(\d+) instructions/.exec(r.stderr)![1]);
    expect(n).toBeGreaterThan(20);
    expect(n).toBeLessThan(200);
  });
});
