/**
 * The Linux personality: creates processes from ELF files, runs their CPU, and turns the CPU's
 * stop reasons into system calls and signals.
 */
import { Cpu } from '../cpu/cpu.js';
import { hwcaps } from '../cpu/features.js';
import { Stop } from '../cpu/op.js';
import { type ElfFile, ExecFormatError, parseElf } from '../elf/elf.js';
import { AT, buildStack, imageSpan, LAYOUT, loadImage } from '../elf/load.js';
import { FAULT, GuestMemory, PAGE_SIZE, PROT_EXEC, PROT_READ, PROT_WRITE, type SharedMemoryLike } from '../memory/memory.js';
import { utf8Decode, utf8Encode } from '../util/utf8.js';
import { joinPath, type Vfs } from '../vfs/vfs.js';
import type { FileHandle } from '../vfs/types.js';
import { SIG, signalDescriptions, StructWriter } from './abi.js';
import { errnoText } from './errno.js';
import { OpenFile, Process, type SigAction } from './process.js';
import {
  BUS_ADRALN, ignoredByDefault, ILL_ILLOPC, isBlocked, SA_RESETHAND, SEGV_ACCERR, SEGV_MAPERR, setupFrame, SI_KERNEL,
  type SigInfo, SIGRETURN_TRAMPOLINE, TRAP_BRKPT,
} from './signals.js';
import { procSource } from './procinfo.js';
import { SyscallContext, syscallByNumber } from './syscalls.js';
import { formatSyscallEntry, formatSyscallResult } from './strace.js';
import { ProcFs } from '../vfs/procfs.js';

export interface Host {
  /** wall-clock time, ns since the epoch */
  realtimeNs(): number;
  /** monotonic time, ns */
  monotonicNs(): number;
  randomBytes(buf: Uint8Array): void;
  /** blocks the calling thread (CLI, worker) */
  sleepNs(ns: number): void;
  /** CPU time used by the emulator process, ns (falls back to monotonic time) */
  cpuTimeNs?(): number;
}

export interface KernelOptions {
  vfs: Vfs;
  host: Host;
  memory: SharedMemoryLike;
  /** guest fds 0, 1, 2 */
  stdio: [FileHandle, FileHandle, FileHandle];
  /** receives -strace lines (each ends with a newline) */
  trace?: (text: string) => void;
  hostname?: string;
  cwd?: string;
  /** mount /proc (default true) */
  mountProc?: boolean;
}

export interface ExitInfo {
  /** exit status as a shell reports it: the code, or 128 + signal */
  status: number;
  code: number | null;
  signal: number | null;
  core: boolean;
}

export const KERNEL_RELEASE = '6.1.0-a64play';
export const KERNEL_VERSION = '#1 SMP PREEMPT a64play';
const MAX_SCRIPT_DEPTH = 4;

export class Kernel {
  readonly vfs: Vfs;
  readonly host: Host;
  readonly mem: GuestMemory;
  readonly trace?: (text: string) => void;
  readonly hostname: string;
  readonly bootNs: number;
  readonly processes = new Map<number, Process>();
  current!: Process;
  private nextPid = 1000;

  constructor(private readonly opts: KernelOptions) {
    this.vfs = opts.vfs;
    this.host = opts.host;
    this.trace = opts.trace;
    this.hostname = opts.hostname ?? 'a64play';
    this.bootNs = opts.host.monotonicNs();
    this.mem = new GuestMemory(opts.memory, 65536);
    if (opts.mountProc !== false)
      this.vfs.mount('/proc', new ProcFs(procSource(this), { stat: (p, f) => this.vfs.stat(p, f), open: (p, f, m) => this.vfs.open(p, f, m) }));
  }

  /**
   * Creates the first process running `path` (a guest path) with argv/envp. Throws ExecFormatError
   * with a one-line reason when the file cannot be executed.
   */
  spawn(path: string, argv: string[], envp: string[]): Process {
    const cpu = new Cpu(this.mem, 0);
    cpu.clockNs = () => this.host.monotonicNs();
    const p = new Process(this.nextPid++, 1, this.mem, cpu);
    p.cwd = this.opts.cwd ?? '/';
    const [i, o, e] = this.opts.stdio;
    // a terminal is open read/write on every standard descriptor, as a shell leaves it
    p.fds.install(new OpenFile(i, i.isTty ? 2 : 0, i.path ?? 'pipe:[0]'), false);
    p.fds.install(new OpenFile(o, o.isTty ? 2 : 1, o.path ?? 'pipe:[1]'), false);
    p.fds.install(new OpenFile(e, e.isTty ? 2 : 1, e.path ?? 'pipe:[2]'), false);
    this.processes.set(p.pid, p);
    this.current = p;
    this.exec(p, path, argv.map(utf8Encode), envp.map(utf8Encode));
    return p;
  }

  /** Replaces the process image (execve). Throws ExecFormatError, or returns -errno for lookup errors. */
  exec(p: Process, path: string, argv: Uint8Array[], envp: Uint8Array[], depth = 0): void {
    const abs = joinPath(p.cwd, path);
    const data = this.vfs.readFile(abs);
    if (typeof data === 'number') throw new ExecFormatError(`${path}: ${errnoText[-data] ?? 'cannot open'}`);
    if (data.length >= 2 && data[0] === 0x23 && data[1] === 0x21) {
      if (depth >= MAX_SCRIPT_DEPTH) throw new ExecFormatError(`${path}: too many levels of #! interpreters`);
      let end = data.indexOf(10);
      if (end < 0) end = Math.min(data.length, 256);
      const line = utf8Decode(data.subarray(2, end)).trim();
      const m = /^(\S+)(?:\s+(.*))?$/.exec(line);
      if (!m) throw new ExecFormatError(`${path}: #! line names no interpreter`);
      const interp = m[1]!;
      const args = [utf8Encode(interp), ...(m[2] ? [utf8Encode(m[2])] : []), utf8Encode(path), ...argv.slice(1)];
      this.exec(p, interp, args, envp, depth + 1);
      return;
    }
    let elf;
    try {
      elf = parseElf(data);
    } catch (err) {
      if (err instanceof ExecFormatError) {
        const text = /^[\t\n\r\x20-\x7e]*$/.test(utf8Decode(data.subarray(0, 512)));
        if (text && data.length > 0 && !(data[0] === 0x7f && data[1] === 0x45))
          throw new ExecFormatError(`${path}: not an executable: a text file without a #! line`);
        throw new ExecFormatError(`${path}: ${err.message}`);
      }
      throw err;
    }
    // Everything that can fail is checked before the old image is torn down.
    let interp: ElfFile | null = null;
    if (elf.interp) {
      const ipath = elf.interp;
      const idata = this.vfs.readFile(joinPath('/', ipath));
      if (typeof idata === 'number')
        throw new ExecFormatError(
          `${path}: dynamically linked, and its interpreter ${ipath} was not found (${errnoText[-idata]}); use -L with a sysroot`,
        );
      try {
        interp = parseElf(idata);
      } catch (err) {
        if (err instanceof ExecFormatError) throw new ExecFormatError(`${path}: its interpreter ${ipath}: ${err.message}`);
        throw err;
      }
    }
    // Point of no return: tear down the old image.
    this.mem.unmap(0, 2 ** 47);
    p.cpu.flushBlocks();
    p.cpu.x.fill(0);
    p.cpu.vu8.fill(0);
    const exeName = abs;
    const main = loadImage(this.mem, elf, LAYOUT.pieBase, exeName);
    let entry = main.entry;
    let interpBase = 0;
    if (interp && elf.interp) {
      const at = this.mem.findFree(imageSpan(interp), LAYOUT.mmapTop, LAYOUT.mmapBottom);
      const img = loadImage(this.mem, interp, at, elf.interp);
      interpBase = img.base;
      entry = img.entry;
    }
    // brk starts after the main image; the stack is at the top
    p.brkStart = p.brk = main.end;
    this.mem.map(LAYOUT.stackTop - LAYOUT.stackSize, LAYOUT.stackSize, PROT_READ | PROT_WRITE, '[stack]');
    this.mem.map(LAYOUT.sigpage, PAGE_SIZE, PROT_READ | PROT_EXEC, '[sigpage]');
    this.mem.write(LAYOUT.sigpage, SIGRETURN_TRAMPOLINE, true);
    const random16 = new Uint8Array(16);
    this.host.randomBytes(random16);
    const [hwcap, hwcap2] = hwcaps();
    const auxv: [number, number][] = [
      [AT.PHDR, main.phdr],
      [AT.PHENT, main.phent],
      [AT.PHNUM, main.phnum],
      [AT.PAGESZ, PAGE_SIZE],
      [AT.BASE, interpBase],
      [AT.FLAGS, 0],
      [AT.ENTRY, main.entry],
      [AT.UID, 0],
      [AT.EUID, 0],
      [AT.GID, 0],
      [AT.EGID, 0],
      [AT.HWCAP, hwcap],
      [AT.HWCAP2, hwcap2],
      [AT.CLKTCK, 100],
      [AT.SECURE, 0],
      [AT.MINSIGSTKSZ, 5120],
    ];
    const sp = buildStack(this.mem, LAYOUT.stackTop, { argv, envp, execfn: utf8Encode(path), random16, auxv });
    const aux = new StructWriter((auxv.length + 1) * 16);
    auxv.forEach(([k, v], i) => aux.u64(i * 16, k).u64(i * 16 + 8, v));
    p.auxv = aux.bytes;
    p.cpu.sp = sp;
    p.cpu.pc = entry;
    p.exe = exeName;
    p.argv = argv;
    p.envp = envp;
    p.name = (exeName.split('/').pop() ?? '').slice(0, 15);
    p.fds.closeOnExec();
    for (const [sig, a] of p.sigactions) if (a.handler > 1) p.sigactions.delete(sig);
  }

  /** Runs the current process until it exits; returns how it ended. */
  run(): ExitInfo {
    const p = this.current;
    const cpu = p.cpu;
    for (;;) {
      const stop = cpu.run(4_000_000);
      switch (stop) {
        case Stop.Budget:
        case Stop.Breakpoint:
          break;
        case Stop.Svc:
          this.syscall(p);
          break;
        case Stop.Fault:
          if (FAULT.misaligned) this.fault(p, { signo: SIG.SIGBUS, code: BUS_ADRALN, addr: FAULT.addr });
          else this.fault(p, { signo: SIG.SIGSEGV, code: FAULT.mapped ? SEGV_ACCERR : SEGV_MAPERR, addr: FAULT.addr });
          break;
        case Stop.Undefined:
          this.fault(p, { signo: SIG.SIGILL, code: ILL_ILLOPC, addr: cpu.pc });
          break;
        case Stop.Brk:
          this.fault(p, { signo: SIG.SIGTRAP, code: TRAP_BRKPT, addr: cpu.pc });
          break;
        case Stop.PcAlign:
        case Stop.SpAlign:
          this.fault(p, { signo: SIG.SIGBUS, code: BUS_ADRALN, addr: cpu.pc });
          break;
      }
      if (!p.exited && p.pending.length) this.deliverPending(p);
      if (p.exited) return exitInfo(p.waitStatus);
    }
  }

  syscall(p: Process): void {
    const x = p.cpu.x;
    const nr = x[16]! >>> 0; // x8
    const ctx = new SyscallContext(this, p);
    const def = syscallByNumber(nr);
    let line = '';
    if (this.trace) {
      line = formatSyscallEntry(nr, def, ctx);
      // exit and exit_group print no result (they do not return)
      if (def && (def.name === 'exit' || def.name === 'exit_group')) this.trace(line + '\n');
    }
    const ret = def ? def.handler(ctx) : -38; // ENOSYS
    if (p.exited) return;
    if (ctx.noReturn) {
      if (this.trace && line) this.trace(line + '\n');
      return;
    }
    // write back x0 (64-bit two's complement)
    x[0] = ret % 4294967296 | 0;
    x[1] = Math.floor(ret / 4294967296) | 0;
    if (this.trace) this.trace(line + formatSyscallResult(ret, def) + '\n');
  }

  /**
   * A synchronous fault at the current instruction: delivered at once to a handler, or, when the
   * signal is blocked, ignored or has no handler, the process dies of it (as Linux forces).
   */
  fault(p: Process, info: SigInfo): void {
    const act = p.sigactions.get(info.signo);
    if (!act || act.handler <= 1 || isBlocked(p, info.signo)) {
      this.terminate(p, info.signo);
      return;
    }
    this.enterHandler(p, act, info, info.addr ?? 0);
  }

  /** Generates an asynchronous signal (kill, raise, SIGPIPE...): queued until it can be delivered. */
  raiseSignal(p: Process, sig: number, info: SigInfo = { signo: sig, code: SI_KERNEL }): void {
    if (sig === SIG.SIGKILL) {
      this.terminate(p, sig);
      return;
    }
    if (!isBlocked(p, sig)) {
      const act = p.sigactions.get(sig);
      const handler = act?.handler ?? 0;
      if (handler === 1 || (handler === 0 && ignoredByDefault(sig))) return;
    }
    // standard signals do not queue: one pending instance at most
    if (sig < 32 && p.pending.some((i) => i.signo === sig)) return;
    p.pending.push({ ...info, signo: sig });
  }

  /** Delivers every pending signal that is not blocked (each handler entry may block more). */
  deliverPending(p: Process): void {
    for (;;) {
      const i = p.pending.findIndex((s) => !isBlocked(p, s.signo));
      if (i < 0) return;
      const info = p.pending.splice(i, 1)[0]!;
      const act = p.sigactions.get(info.signo);
      const handler = act?.handler ?? 0;
      if (handler === 1) continue;
      if (handler === 0) {
        if (ignoredByDefault(info.signo) || isStopSignal(info.signo)) continue;
        this.terminate(p, info.signo);
        return;
      }
      this.enterHandler(p, act!, info, 0);
      if (p.exited) return;
    }
  }

  private enterHandler(p: Process, act: SigAction, info: SigInfo, faultAddr: number): void {
    if (!setupFrame(p, act, info, faultAddr)) {
      this.terminate(p, SIG.SIGSEGV);
      return;
    }
    if (act.flags & SA_RESETHAND) p.sigactions.delete(info.signo);
  }

  /** The process dies of `sig` (with a core dump where the default action dumps core). */
  terminate(p: Process, sig: number): void {
    const core = signalDescriptions[sig]?.[1] ?? false;
    this.finish(p, sig | (core ? 0x80 : 0));
  }

  exit(p: Process, code: number): void {
    this.finish(p, (code & 0xff) << 8);
  }

  /** Ends the process with a wait status (Linux's encoding) and releases its descriptors. */
  private finish(p: Process, waitStatus: number): void {
    p.exited = true;
    p.waitStatus = waitStatus;
    p.fds.closeAll();
  }
}

const isStopSignal = (sig: number) => sig === SIG.SIGSTOP || sig === SIG.SIGTSTP || sig === SIG.SIGTTIN || sig === SIG.SIGTTOU;

export function exitInfo(waitStatus: number): ExitInfo {
  const sig = waitStatus & 0x7f;
  if (sig === 0) {
    const code = (waitStatus >> 8) & 0xff;
    return { status: code, code, signal: null, core: false };
  }
  return { status: 128 + sig, code: null, signal: sig, core: (waitStatus & 0x80) !== 0 };
}
