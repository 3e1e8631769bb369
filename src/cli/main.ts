/**
 * The Node command-line host: `a64play [options] PROGRAM [ARGS...]`, behaving like qemu-aarch64.
 * The guest sees the host filesystem, the host's stdio and the current directory.
 */
import { randomFillSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { disassemble } from '../core/asm/disasm.js';
import { ExecFormatError } from '../core/elf/elf.js';
import { readSymbols, SymbolTable } from '../core/elf/symbols.js';
import { SIG, signalDescriptions } from '../core/linux/abi.js';
import { SI_KERNEL } from '../core/linux/signals.js';
import { type Host, Kernel } from '../core/linux/kernel.js';
import { Vfs } from '../core/vfs/vfs.js';
import type { SharedMemoryLike } from '../core/memory/memory.js';
import type { Tty } from '../core/vfs/tty.js';
import { HostFs } from './hostfs.js';
import type { HostEvents } from './stdin-reader.js';
import { type HostConsole, openHostConsole } from './terminal.js';

const USAGE = `usage: a64play [options] program [arguments...]
Runs an aarch64 Linux program (a static or dynamically linked ELF executable, or a #! script).

Options:
  -L path          prefix tried first for absolute paths (a sysroot with the dynamic loader and libraries)
  -E var=value     set an environment variable for the program (repeatable)
  -U var           remove an environment variable (repeatable)
  -0 argv0         argv[0] for the program (default: the program path as given)
  -strace          log every system call with its arguments and result on stderr (also --strace)
  -d in_asm        log each block of guest code, disassembled, when it is first reached (on stderr)
  --stats          print guest instructions executed, wall time and MIPS on stderr at exit
  -h, --help       show this help and exit
  --version        show the version and exit

The exit status is the program's; a program killed by signal N exits with 128+N.
Environment: A64PLAY_LD_PREFIX is the default for -L (like QEMU_LD_PREFIX).`;

interface Options {
  sysroot: string;
  env: Map<string, string>;
  argv0: string | null;
  strace: boolean;
  stats: boolean;
  /** -d in_asm */
  inAsm: boolean;
  program: string;
  args: string[];
}

class UsageError extends Error {}

/**
 * qemu's `-d in_asm`: each block of guest code when it is first decoded, an instruction per line
 * (address, word, a64play's objdump-style disassembly), headed by the program's symbol there.
 */
function inAsmLog(program: string, say: (text: string) => void): (start: number, words: number[]) => void {
  let symbols: SymbolTable | null = null;
  try {
    const bytes = readFileSync(program);
    // a PIE's symbols would need its load address: only fixed-address programs get names
    if (bytes[16] === 2) symbols = new SymbolTable(readSymbols(bytes));
  } catch {
    // no symbols: the blocks are logged without names
  }
  const addr = (a: number) => `0x${a.toString(16).padStart(8, '0')}`;
  return (start, words) => {
    let text = `----------------\nIN: ${symbols?.describe(start) ?? ''}\n`;
    words.forEach((w, i) => {
      const at = start + 4 * i;
      text += `${addr(at)}:  ${(w >>> 0).toString(16).padStart(8, '0')}  ${disassemble(w, at, { hexPrefix: true }).text}\n`;
    });
    say(text + '\n');
  };
}

/** Node has WebAssembly but its type declarations live in the DOM lib, which the CLI does not load. */
const wasmApi = (globalThis as unknown as {
  WebAssembly: { Memory: new (d: { initial: number; maximum: number; shared: boolean }) => SharedMemoryLike };
}).WebAssembly;

function version(): string {
  try {
    const here = dirname(fileURLToPath(import.meta.url));
    const pkg = JSON.parse(readFileSync(join(here, '..', '..', 'package.json'), 'utf8')) as { version: string };
    return pkg.version;
  } catch {
    return 'unknown';
  }
}

function parseArgs(argv: string[]): Options | 'help' | 'version' {
  const env = new Map<string, string>();
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined) env.set(k, v);
  const o: Options = {
    sysroot: process.env.A64PLAY_LD_PREFIX ?? process.env.QEMU_LD_PREFIX ?? '',
    env,
    argv0: null,
    strace: false,
    inAsm: false,
    stats: false,
    program: '',
    args: [],
  };
  let i = 0;
  const value = (opt: string): string => {
    const v = argv[++i];
    if (v === undefined) throw new UsageError(`option ${opt} needs an argument`);
    return v;
  };
  for (; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith('-') || a === '-') break;
    if (a === '--') {
      i++;
      break;
    }
    switch (a) {
      case '-L':
        o.sysroot = value(a);
        break;
      case '-E': {
        const kv = value(a);
        const eq = kv.indexOf('=');
        if (eq <= 0) throw new UsageError(`-E expects VAR=VALUE, got '${kv}'`);
        env.set(kv.slice(0, eq), kv.slice(eq + 1));
        break;
      }
      case '-U':
        env.delete(value(a));
        break;
      case '-0':
        o.argv0 = value(a);
        break;
      case '-strace':
      case '--strace':
        o.strace = true;
        break;
      case '-d': {
        for (const item of value(a).split(',')) {
          if (item === 'in_asm') o.inAsm = true;
          else throw new UsageError(`-d: unknown log item '${item}' (a64play logs in_asm)`);
        }
        break;
      }
      case '--stats':
      case '-stats':
        o.stats = true;
        break;
      case '-h':
      case '-help':
      case '--help':
        return 'help';
      case '-version':
      case '--version':
        return 'version';
      default:
        throw new UsageError(`unknown option '${a}' (try --help)`);
    }
  }
  if (i >= argv.length) throw new UsageError('no program given (try --help)');
  o.program = argv[i]!;
  o.args = argv.slice(i + 1);
  return o;
}

/**
 * The Node host. Beyond Host's fields it has the two the kernel's scheduler uses for host input:
 * idle(timeoutNs) blocks until host input may have arrived (or the timeout passes) when every
 * guest thread waits; pump() hands arrived input to the guest's terminal without blocking (^C
 * becomes SIGINT) and belongs between time slices.
 */
export function nodeHost(events: HostEvents): Host & { idle(timeoutNs: number): void; pump(): void } {
  const sleeper = new Int32Array(new SharedArrayBuffer(4));
  const t0 = process.hrtime.bigint();
  const wall0 = Date.now() * 1e6;
  return {
    realtimeNs: () => wall0 + Number(process.hrtime.bigint() - t0),
    monotonicNs: () => Number(process.hrtime.bigint()),
    randomBytes: (b) => void randomFillSync(b),
    sleepNs: (ns) => void Atomics.wait(sleeper, 0, 0, ns / 1e6),
    cpuTimeNs: () => {
      const u = process.cpuUsage();
      return (u.user + u.system) * 1000;
    },
    idle: (timeoutNs) => events.idle(timeoutNs),
    pump: () => events.pump(),
  };
}

/**
 * The guest's first process finds the terminal as a login shell leaves it: its controlling
 * terminal, with it in the foreground. The terminal's signals (ISIG characters, SIGWINCH, hangup)
 * go to the guest's process groups; requests on it are checked against the calling process.
 */
/**
 * Every guest process is stopped (^Z, SIGSTOP): nothing would ever continue them while a64play
 * holds the terminal in raw mode. Like a stopped job, a64play stops itself and gives the shell its
 * terminal back; when continued (fg) it continues the guest as a shell's fg does.
 */
function suspendIfStopped(kernel: Kernel, hostConsole: HostConsole): void {
  const live = [...kernel.processes.values()].filter((p) => !p.exited);
  if (live.length === 0 || !live.every((p) => p.stopped)) return;
  hostConsole.suspend();
  for (const p of live) kernel.sendToProcess(p, { signo: SIG.SIGCONT, code: SI_KERNEL });
}

/** Runs the CLI; returns the exit status (never throws for bad input). */
/**
 * What the launcher does at exit: leave with `status`, or, when `signal` is set, die of that host
 * signal (numbered as Linux numbers them on aarch64 and x86-64 alike), as qemu-aarch64 does when its
 * guest is killed: the parent's wait status then says "killed by SIGINT", and a shell running a loop
 * of a64play stops at ^C as it would for the native program.
 */
export interface Outcome {
  status: number;
  signal: number | null;
}

/** Signals a64play cannot die of: Node ignores SIGPIPE, and SIGUSR1 starts its inspector. */
const SIGNALS_NODE_KEEPS = new Set([10, 13]);

export function main(argv: string[]): number | Outcome {
  let opts: Options | 'help' | 'version';
  try {
    opts = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`a64play: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
  if (opts === 'help') {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  if (opts === 'version') {
    process.stdout.write(`a64play ${version()}\n`);
    return 0;
  }
  const vfs = new Vfs();
  const hostfs = new HostFs('/');
  vfs.mount('/', hostfs);
  // a relative sysroot is relative to the current directory, as qemu-aarch64 takes it
  if (opts.sysroot) vfs.sysroot = resolve(opts.sysroot);
  // 16 MiB to start, growing on demand up to 2 GiB of guest memory
  const memory = new wasmApi.Memory({ initial: 256, maximum: 32768, shared: true });
  const hostConsole = openHostConsole();
  hostfs.terminalFor = hostConsole.terminalFor;
  try {
    return runGuest(opts, vfs, memory, hostConsole, hostConsole.message);
  } finally {
    hostConsole.restore();
  }
}

function runGuest(
  opts: Options,
  vfs: Vfs,
  memory: SharedMemoryLike,
  hostConsole: HostConsole,
  say: (text: string) => void,
): number | Outcome {
  const { tty, events } = hostConsole;
  const host = nodeHost(events);
  const kernel = new Kernel({
    vfs,
    host: {
      ...host,
      idle: (timeoutNs) => {
        if (tty) suspendIfStopped(kernel, hostConsole);
        host.idle(timeoutNs);
      },
    },
    memory,
    stdio: hostConsole.stdio,
    trace: opts.strace ? say : undefined,
    translated: opts.inAsm ? inAsmLog(opts.program, say) : undefined,
    log: (line) => say(`a64play: ${line}\n`),
    cwd: process.cwd(),
    // like qemu-user, the guest sees the host's name
    hostname: hostname(),
  });
  const envp = [...opts.env].map(([k, v]) => `${k}=${v}`);
  const argv0 = opts.argv0 ?? opts.program;
  try {
    kernel.spawn(opts.program, [argv0, ...opts.args], envp);
  } catch (e) {
    if (e instanceof ExecFormatError) {
      say(`a64play: ${e.message}\n`);
      return /No such file|Not a directory/.test(e.message) ? 127 : 126;
    }
    throw e;
  }
  if (tty) kernel.attachTerminal(tty);
  const start = process.hrtime.bigint();
  const result = kernel.run();
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (opts.stats) {
    const n = kernel.retired;
    const mips = n / seconds / 1e6;
    say(`a64play: ${n} instructions in ${seconds.toFixed(3)} s (${mips.toFixed(1)} MIPS)\n`);
  }
  if (result.signal !== null) {
    const [text, core] = signalDescriptions[result.signal] ?? [`Killed by signal ${result.signal}`, false];
    // dying of a core-dumping signal would dump Node's core: say it as a shell would, and exit 128+N
    if (!core && !SIGNALS_NODE_KEEPS.has(result.signal)) return { status: result.status, signal: result.signal };
    if (text) say(`${text}${result.core && core ? ' (core dumped)' : ''}\n`);
  }
  return result.status;
}
