/**
 * The Linux personality: creates processes from ELF files, runs their CPU, and turns the CPU's
 * stop reasons into system calls and signals.
 */
import { Cpu } from '../cpu/cpu.js';
import { hwcaps } from '../cpu/features.js';
import { Stop, type StopReason } from '../cpu/op.js';
import { type ElfFile, ExecFormatError, parseElf } from '../elf/elf.js';
import { AT, buildStack, imageSpan, LAYOUT, loadImage } from '../elf/load.js';
import { FAULT, GuestMemory, PAGE_SIZE, PROT_EXEC, PROT_READ, PROT_WRITE, type SharedMemoryLike } from '../memory/memory.js';
import { PhysPool } from '../memory/phys.js';
import { I_EXCL_ARMED, SLOT_SP, SLOT_TPIDR, STATE_BYTES } from '../cpu/layout.js';
import { utf8Decode, utf8Encode } from '../util/utf8.js';
import { joinPath, type Vfs } from '../vfs/vfs.js';
import type { FileHandle } from '../vfs/types.js';
import {
  CLONE_CHILD_CLEARTID, CLONE_CHILD_SETTID, CLONE_FILES, CLONE_PARENT, CLONE_PARENT_SETTID, CLONE_SETTLS, CLONE_SIGHAND,
  CLONE_THREAD, CLONE_VFORK, CLONE_VM, SIG, signalDescriptions, StructWriter,
} from './abi.js';
import { EACCES, EINTR, EIO, ELIBBAD, ELOOP, ENOEXEC, ENOMEM, errnoText } from './errno.js';
import type { Tty } from '../vfs/tty.js';

/** Linux's internal 'restart the call' code, as a terminal returns it for a stopped background job. */
const ERESTARTSYS = 512;
import { AddressSpace, OpenFile, Process, type SigAction, Thread, ThreadState } from './process.js';
import {
  BUS_ADRALN, BUS_ADRERR, ignoredByDefault, ILL_ILLOPC, isBlocked, SA_NOCLDSTOP, SA_RESETHAND, SA_RESTART, SEGV_ACCERR, SEGV_MAPERR,
  MINSIGSTKSZ, setupFrame, SI_KERNEL, type SigInfo, SIGRETURN_TRAMPOLINE, TRAP_BRKPT,
} from './signals.js';
import { procSource } from './procinfo.js';
import { BLOCKED, SyscallContext, syscallByNumber } from './syscalls.js';
import { FutexTable } from './futex.js';
import { LockTable } from './locks.js';
import { syncSharedFiles } from './calls/mem.js';
import { formatSyscallEntry, formatSyscallResult } from './strace.js';
import { SysCpuFs } from '../vfs/sysfs.js';
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
  /**
   * Blocks the calling thread until host input may have arrived or `timeoutNs` passes (every
   * guest thread is waiting). Hosts without input sources may simply sleep.
   */
  idle?(timeoutNs: number): void;
  /** Hands host input that has arrived to the guest (a terminal's ^C) without blocking. */
  pump?(): void;
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
  /** mount /proc and /sys/devices/system/cpu (default true) */
  mountProc?: boolean;
  /** each block of guest code as it is first decoded (its address and words): `-d in_asm` */
  translated?: (start: number, words: number[]) => void;
  /** the kernel's own messages, one line each (what Linux writes to its log: the OOM killer) */
  log?: (line: string) => void;
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
/** Instructions a thread runs before the scheduler looks at others (about a millisecond). */
const QUANTUM = 200_000;
/** Instructions per run() call when one thread has the machine to itself. */
const SOLO_QUANTUM = 4_000_000;
/** Longest idle wait: parked calls are re-run at least this often. */
const IDLE_POLL_NS = 10e6;
/** An ExecFormatError that also carries the errno execve returns for it. */
export class ExecError extends ExecFormatError {
  constructor(
    message: string,
    readonly errno: number,
  ) {
    super(message);
  }
}

/** si_code values of SIGCHLD */
const CLD_EXITED = 1;
const CLD_KILLED = 2;
const CLD_DUMPED = 3;
const CLD_STOPPED = 5;
const CLD_CONTINUED = 6;

export class Kernel {
  readonly vfs: Vfs;
  readonly host: Host;
  /** physical memory shared by every address space */
  readonly pool: PhysPool;
  readonly trace?: (text: string) => void;
  readonly hostname: string;
  readonly bootNs: number;
  /** every process that has not been reaped, zombies included */
  readonly processes = new Map<number, Process>();
  /** every live thread, in creation order (the scheduler's round-robin list) */
  readonly threads: Thread[] = [];
  readonly futexes = new FutexTable(this);
  /** fcntl record locks, OFD locks and flock(2) locks of every process (see locks.ts) */
  readonly locks = new LockTable();
  /** the first process: the kernel runs until it ends */
  init!: Process;
  /** the thread whose registers are in the CPU state block, if any */
  private loaded: Thread | null = null;
  /** the thread most recently run (what /proc/self and debuggers look at) */
  private cur: Thread | null = null;
  /** the state block every CPU shares */
  private readonly stateView: Int32Array;
  /** guest instructions retired by every thread of every process */
  retired = 0;
  /** bumped whenever something happens that may let a parked syscall finish */
  epoch = 0;
  private nextPid = 1000;
  private rr = 0;
  /** timers (alarm, setitimer, timer_create): checked by the scheduler */
  readonly timers = new Set<KernelTimer>();
  /**
   * Debugger hook: the thread whose CPU stopped at one of its breakpoints (Cpu.breakpoints).
   * runFor returns as soon as it is set; the host (the browser's session) clears it and pauses.
   */
  breakpointHit: Thread | null = null;

  constructor(private readonly opts: KernelOptions) {
    this.vfs = opts.vfs;
    this.host = opts.host;
    this.trace = opts.trace;
    this.hostname = opts.hostname ?? 'a64play';
    this.bootNs = opts.host.monotonicNs();
    this.pool = new PhysPool(opts.memory, 65536);
    this.stateView = new Int32Array(opts.memory.buffer, 0, STATE_BYTES / 4);
    if (opts.mountProc !== false) {
      this.vfs.mount('/proc', new ProcFs(procSource(this), { stat: (p, f) => this.vfs.stat(p, f), open: (p, f, m) => this.vfs.open(p, f, m) }));
      this.vfs.mount('/sys/devices/system/cpu', new SysCpuFs());
    }
  }

  /** The process of the thread running (or last run). */
  get current(): Process {
    return this.cur?.proc ?? this.init;
  }
  get currentThread(): Thread | null {
    return this.cur;
  }

  private newAddressSpace(mem = new GuestMemory(this.pool)): AddressSpace {
    const as = new AddressSpace(mem, () => this.host.monotonicNs());
    if (this.opts.translated) as.cpu.onTranslate = this.opts.translated;
    return as;
  }

  /**
   * Creates the first process running `path` (a guest path) with argv/envp. Throws ExecFormatError
   * with a one-line reason when the file cannot be executed.
   */
  spawn(path: string, argv: string[], envp: string[]): Process {
    const pid = this.nextPid++;
    const p = new Process(pid, this.newAddressSpace());
    const t = new Thread(pid, p);
    p.threads.push(t);
    p.cwd = this.opts.cwd ?? '/';
    const [i, o, e] = this.opts.stdio;
    // a terminal is open read/write on every standard descriptor, as a shell leaves it
    p.fds.install(new OpenFile(i, i.isTty ? 2 : 0, i.path ?? 'pipe:[0]'), false);
    p.fds.install(new OpenFile(o, o.isTty ? 2 : 1, o.path ?? 'pipe:[1]'), false);
    p.fds.install(new OpenFile(e, e.isTty ? 2 : 1, e.path ?? 'pipe:[2]'), false);
    this.processes.set(pid, p);
    this.threads.push(t);
    this.init = p;
    this.load(t);
    this.cur = t;
    this.exec(t, path, argv.map(utf8Encode), envp.map(utf8Encode));
    return p;
  }

  /** Reads and checks an executable; throws ExecError (with the errno execve returns). */
  private readExecutable(abs: string, shown: string, checkMode: boolean): Uint8Array {
    if (checkMode) {
      const st = this.vfs.stat(abs, true);
      if (typeof st === 'number') throw new ExecError(`${shown}: ${errnoText[-st] ?? 'cannot open'}`, -st);
      if ((st.mode & 0o170000) !== 0o100000 || !(st.mode & 0o111)) throw new ExecError(`${shown}: Permission denied`, EACCES);
    }
    const data = this.vfs.readFile(abs);
    if (typeof data === 'number') throw new ExecError(`${shown}: ${errnoText[-data] ?? 'cannot open'}`, -data);
    return data;
  }

  /**
   * Replaces the image of `t`'s process (execve). Throws ExecError (a one-line reason and the
   * errno) when the file cannot be executed; nothing has changed then.
   */
  exec(t: Thread, path: string, argv: Uint8Array[], envp: Uint8Array[], depth = 0, fromGuest = false, execfn = path): void {
    const p = t.proc;
    const abs = joinPath(p.cwd, path);
    const data = this.readExecutable(abs, path, fromGuest);
    if (data.length >= 2 && data[0] === 0x23 && data[1] === 0x21) {
      if (depth >= MAX_SCRIPT_DEPTH) throw new ExecError(`${path}: too many levels of #! interpreters`, ELOOP);
      let end = data.indexOf(10);
      if (end < 0) end = Math.min(data.length, 256);
      const line = utf8Decode(data.subarray(2, end)).trim();
      const m = /^(\S+)(?:\s+(.*))?$/.exec(line);
      if (!m) throw new ExecError(`${path}: #! line names no interpreter`, ENOEXEC);
      const interp = m[1]!;
      const args = [utf8Encode(interp), ...(m[2] ? [utf8Encode(m[2])] : []), utf8Encode(path), ...argv.slice(1)];
      // AT_EXECFN stays the name given to execve (the script), /proc/self/exe becomes the interpreter
      this.exec(t, interp, args, envp, depth + 1, fromGuest, execfn);
      return;
    }
    let elf;
    try {
      elf = parseElf(data);
    } catch (err) {
      if (err instanceof ExecFormatError) {
        const text = /^[\t\n\r\x20-\x7e]*$/.test(utf8Decode(data.subarray(0, 512)));
        if (text && data.length > 0 && !(data[0] === 0x7f && data[1] === 0x45))
          throw new ExecError(`${path}: not an executable: a text file without a #! line`, ENOEXEC);
        throw new ExecError(`${path}: ${err.message}`, ENOEXEC);
      }
      throw err;
    }
    // Everything that can fail is checked before the old image is torn down.
    let interp: ElfFile | null = null;
    if (elf.interp) {
      const ipath = elf.interp;
      const idata = this.vfs.readFile(joinPath('/', ipath));
      if (typeof idata === 'number')
        throw new ExecError(
          `${path}: dynamically linked, and its interpreter ${ipath} was not found (${errnoText[-idata]}); use -L with a sysroot`,
          -idata,
        );
      try {
        interp = parseElf(idata);
      } catch (err) {
        if (err instanceof ExecFormatError) throw new ExecError(`${path}: its interpreter ${ipath}: ${err.message}`, ELIBBAD);
        throw err;
      }
    }
    // Point of no return. Other threads die; this one takes over the process's pid.
    for (const other of [...p.threads]) if (other !== t) this.killThread(other);
    if (t.tid !== p.pid) t.tid = p.pid;
    if (p.mm.users > 1) {
      // shared with a vfork parent: leave that one alone and start afresh
      p.mm.users--;
      p.mm = this.newAddressSpace();
    } else {
      if (p.sharedFileMaps) syncSharedFiles(p.mem);
      p.mem.unmap(0, 2 ** 47);
      p.cpu.flushBlocks();
    }
    p.sharedFileMaps = false;
    this.wakeVforkParent(p);
    if (p.sigactionsShared) {
      p.sigactions = new Map(p.sigactions);
      p.sigactionsShared = false;
    }
    const cpu = p.cpu;
    this.stateView.fill(0);
    const mem = p.mem;
    const exeName = this.vfs.realpath(abs);
    const main = loadImage(mem, elf, LAYOUT.pieBase, exeName);
    let entry = main.entry;
    let interpBase = 0;
    if (interp && elf.interp) {
      const at = mem.findFree(imageSpan(interp), LAYOUT.mmapTop, LAYOUT.mmapBottom);
      const img = loadImage(mem, interp, at, elf.interp);
      interpBase = img.base;
      entry = img.entry;
    }
    // brk starts after the main image; the stack is at the top
    p.brkStart = p.brk = main.end;
    mem.map(LAYOUT.stackTop - LAYOUT.stackSize, LAYOUT.stackSize, PROT_READ | PROT_WRITE, '[stack]');
    mem.map(LAYOUT.sigpage, PAGE_SIZE, PROT_READ | PROT_EXEC, '[sigpage]');
    mem.write(LAYOUT.sigpage, SIGRETURN_TRAMPOLINE, true);
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
      [AT.MINSIGSTKSZ, MINSIGSTKSZ],
    ];
    const sp = buildStack(mem, LAYOUT.stackTop, { argv, envp, execfn: utf8Encode(execfn), random16, auxv });
    const aux = new StructWriter((auxv.length + 1) * 16);
    auxv.forEach(([k, v], i) => aux.u64(i * 16, k).u64(i * 16 + 8, v));
    p.auxv = aux.bytes;
    this.loaded = t;
    cpu.sp = sp;
    cpu.pc = entry;
    p.exe = exeName;
    p.argv = argv;
    p.envp = envp;
    // comm is the last component of the name given to execve (as Linux's begin_new_exec)
    p.name = (execfn.split('/').pop() ?? '').slice(0, 15);
    if (fromGuest) p.execed = true;
    p.dumpable = true;
    p.fds.closeOnExec();
    for (const [sig, a] of p.sigactions) if (a.handler > 1) p.sigactions.delete(sig);
    t.altStack = { sp: 0, flags: 0, size: 0 };
    t.robustList = 0;
    t.rseq = 0;
    t.clearTid = 0;
  }

  // ---------------------------------------------------------------- scheduling

  /** Puts `t`'s registers into the CPU state block (saving those of the thread there before). */
  load(t: Thread): void {
    if (this.loaded === t) return;
    const prev = this.loaded;
    if (prev && prev.state !== ThreadState.Dead) {
      prev.regs.set(this.stateView);
      prev.pc = prev.proc.cpu.pc;
    }
    this.stateView.set(t.regs);
    // a context switch clears the exclusive monitor, as Linux's exception return does
    this.stateView[I_EXCL_ARMED] = 0;
    t.proc.cpu.pc = t.pc;
    this.loaded = t;
  }

  /** The registers of `t` wherever they are now (the state block or its save area). */
  regsOf(t: Thread): Int32Array {
    return this.loaded === t ? this.stateView : t.regs;
  }

  setPc(t: Thread, pc: number): void {
    if (this.loaded === t) t.proc.cpu.pc = pc;
    else t.pc = pc;
  }
  pcOf(t: Thread): number {
    return this.loaded === t ? t.proc.cpu.pc : t.pc;
  }

  private runnable(t: Thread): boolean {
    return t.state === ThreadState.Runnable && !t.proc.stopped;
  }

  /** Runs guest threads until the first process ends; returns how it ended. */
  run(): ExitInfo {
    for (;;) {
      const r = this.runFor(Infinity);
      if (r) return r;
    }
  }

  /**
   * Runs guest threads for about `ms` milliseconds of wall time (hosts with an event loop, such
   * as the browser's worker, call it repeatedly and handle their messages in between). Returns
   * how the first process ended, or null when the time is up first. With nothing to run it idles
   * at most until the time is up.
   */
  runFor(ms: number): ExitInfo | null {
    const init = this.init;
    const pump = this.host.pump?.bind(this.host);
    const until = ms === Infinity ? Infinity : this.host.monotonicNs() + ms * 1e6;
    for (;;) {
      if (init.exited) return exitInfo(init.waitStatus);
      if (pump) pump();
      if (this.timers.size) this.fireTimers();
      this.pollBlocked();
      const t = this.pickNext();
      if (!t) this.idle(until);
      else this.runThread(t);
      if (this.breakpointHit) return null;
      if (until !== Infinity && this.host.monotonicNs() >= until) return init.exited ? exitInfo(init.waitStatus) : null;
    }
  }

  private pickNext(): Thread | null {
    const list = this.threads;
    const n = list.length;
    for (let k = 0; k < n; k++) {
      const i = (this.rr + k) % n;
      const t = list[i]!;
      if (this.runnable(t)) {
        this.rr = i + 1;
        return t;
      }
    }
    return null;
  }

  /** Runs one quantum of `t` and handles why it stopped. */
  runThread(t: Thread): void {
    this.load(t);
    this.cur = t;
    const p = t.proc;
    if (this.hasDeliverable(t)) {
      this.deliverPending(t);
      if (!this.runnable(t)) return;
    }
    const cpu = p.cpu;
    // dead threads leave the list at once: another entry means another thread may want the CPU
    const before = cpu.icount;
    const stop = cpu.run(this.threads.length > 1 ? QUANTUM : SOLO_QUANTUM);
    this.retired += cpu.icount - before;
    this.handleStop(t, stop);
  }

  /**
   * Executes one instruction of `t` (a debugger's step; breakpoints at its pc are ignored). An SVC
   * makes its system call, which may park the thread. Returns why the CPU stopped.
   */
  stepInstruction(t: Thread): StopReason {
    this.load(t);
    this.cur = t;
    const cpu = t.proc.cpu;
    const before = cpu.icount;
    const stop = cpu.step();
    this.retired += cpu.icount - before;
    this.handleStop(t, stop);
    return stop;
  }

  /** Turns a CPU stop into a system call or a signal. */
  private handleStop(t: Thread, stop: StopReason): void {
    const p = t.proc;
    const cpu = p.cpu;
    if (stop === Stop.Fault && p.mem.outOfMemory) {
      this.oomKill(p);
      return;
    }
    switch (stop) {
      case Stop.Budget:
        break;
      case Stop.Breakpoint:
        this.breakpointHit = t;
        break;
      case Stop.Svc:
        this.syscall(t);
        break;
      case Stop.Fault:
        if (FAULT.misaligned) this.fault(t, { signo: SIG.SIGBUS, code: BUS_ADRALN, addr: FAULT.addr });
        else if (FAULT.mapped && p.mem.findArea(FAULT.addr)?.beyondEof) this.fault(t, { signo: SIG.SIGBUS, code: BUS_ADRERR, addr: FAULT.addr });
        else this.fault(t, { signo: SIG.SIGSEGV, code: FAULT.mapped ? SEGV_ACCERR : SEGV_MAPERR, addr: FAULT.addr });
        break;
      case Stop.Undefined:
        this.fault(t, { signo: SIG.SIGILL, code: ILL_ILLOPC, addr: cpu.pc });
        break;
      case Stop.Brk:
        this.fault(t, { signo: SIG.SIGTRAP, code: TRAP_BRKPT, addr: cpu.pc });
        break;
      case Stop.PcAlign:
      case Stop.SpAlign:
        this.fault(t, { signo: SIG.SIGBUS, code: BUS_ADRALN, addr: cpu.pc });
        break;
    }
    // a system call that touched memory no page could be found for
    if (p.mem.outOfMemory) this.oomKill(p);
    if (this.runnable(t) && this.loaded === t && this.hasDeliverable(t)) this.deliverPending(t);
  }

  /** Guest memory is exhausted: the process that needed a page dies of SIGKILL, as under Linux's OOM killer. */
  private oomKill(p: Process): void {
    p.mem.outOfMemory = false;
    const mib = (bytes: number) => Math.round(bytes / 1048576);
    this.opts.log?.(`out of memory: killed process ${p.pid} (${p.name}); guest memory in use: ${mib(p.mem.physUsed)} MiB of at most ${mib(p.mem.maxBytes)} MiB`);
    this.terminate(p, SIG.SIGKILL);
  }

  /** Nothing can run: wait for the nearest deadline or host input. */
  private idle(limit = Infinity): void {
    const now = this.host.monotonicNs();
    let until = Math.min(now + IDLE_POLL_NS, limit);
    for (const t of this.threads) if (t.wait && t.wait.deadlineNs < until) until = t.wait.deadlineNs;
    for (const tm of this.timers) if (tm.dueNs < until) until = tm.dueNs;
    const wait = Math.max(0, until - now);
    if (wait > 0) {
      if (this.host.idle) this.host.idle(wait);
      else this.host.sleepNs(wait);
    }
    // host input may have arrived: let every parked call look again
    this.epoch++;
  }

  /** Re-runs parked syscalls that may now finish; interrupts those a signal is waiting for. */
  private pollBlocked(): void {
    let now = -1;
    for (const t of this.threads) {
      const w = t.wait;
      if (!w || t.state !== ThreadState.Blocked) continue;
      let due = w.polledEpoch !== this.epoch;
      if (!due && w.deadlineNs !== Infinity) {
        if (now < 0) now = this.host.monotonicNs();
        due = now >= w.deadlineNs;
      }
      if (due) {
        // what the call waits for wins over a signal that arrived meanwhile, as in Linux
        w.polledEpoch = this.epoch;
        this.runHandler(t, w);
        if (t.wait !== w) continue;
      }
      if (!w.uninterruptible && this.hasDeliverable(t)) this.interrupt(t);
    }
  }

  // ---------------------------------------------------------------- system calls

  syscall(t: Thread): void {
    const x = this.stateView;
    const nr = x[16]! >>> 0; // x8
    const ctx = new SyscallContext(this, t);
    const def = syscallByNumber(nr);
    ctx.def = def ?? null;
    ctx.nr = nr;
    if (this.trace) {
      ctx.traceLine = formatSyscallEntry(nr, def, ctx);
      // exit and exit_group print no result (they do not return)
      if (def && (def.name === 'exit' || def.name === 'exit_group')) this.trace(ctx.traceLine + '\n');
    }
    this.runHandler(t, ctx);
  }

  /** Runs (or re-runs) a syscall's handler; parks the thread or completes the call. */
  private runHandler(t: Thread, ctx: SyscallContext): void {
    ctx.runs++;
    let ret = ctx.def ? ctx.def.handler(ctx) : -38; // ENOSYS
    // a terminal stopped a background job (SIGTTIN/SIGTTOU sent): park until the signal interrupts
    if (ret === -ERESTARTSYS) ret = BLOCKED;
    if (ret === BLOCKED) {
      if (t.state === ThreadState.Runnable) {
        t.state = ThreadState.Blocked;
        t.wait = ctx;
        ctx.polledEpoch = this.epoch;
        // as strace does: the call shows now, its result when it resumes
        if (this.trace && ctx.runs === 1) {
          this.trace(ctx.traceLine + ' <unfinished ...>\n');
          ctx.traceLine = `${t.tid} <... ${ctx.def?.name ?? `syscall_${ctx.nr}`} resumed>`;
        }
      }
      return;
    }
    this.epoch++;
    this.complete(t, ctx, ret);
  }

  /** Ends a syscall with `ret` in x0 (unless the call set noReturn or its thread died). */
  private complete(t: Thread, ctx: SyscallContext, ret: number): void {
    if (t.wait === ctx) {
      t.wait = null;
      if (t.state === ThreadState.Blocked) t.state = ThreadState.Runnable;
    }
    if (t.state === ThreadState.Dead) return;
    if (ctx.noReturn) {
      if (this.trace && ctx.traceLine) this.trace(ctx.traceLine + '\n');
      return;
    }
    const x = this.regsOf(t);
    // write back x0 (64-bit two's complement)
    x[0] = ret % 4294967296 | 0;
    x[1] = Math.floor(ret / 4294967296) | 0;
    if (this.trace) this.trace(ctx.traceLine + formatSyscallResult(ret, ctx.def ?? undefined) + (ctx.traceExtra ? ' ' + ctx.traceExtra : '') + '\n');
  }

  /**
   * A signal arrived for a thread parked in a syscall: the call ends with EINTR, or, when the
   * handler has SA_RESTART (or no handler runs, as for stop signals), is made again afterwards.
   */
  private interrupt(t: Thread): void {
    const ctx = t.wait!;
    t.wait = null;
    t.state = ThreadState.Runnable;
    ctx.onAbort?.();
    if (ctx.partial > 0) {
      this.complete(t, ctx, ctx.partial);
      return;
    }
    const info = this.peekDeliverable(t);
    const act = info ? t.proc.sigactions.get(info.signo) : undefined;
    const handler = act?.handler ?? 0;
    const restart = handler === 0 || (!ctx.noRestart && (act!.flags & SA_RESTART) !== 0);
    if (restart) {
      if (t.savedMask) {
        t.sigmask = t.savedMask;
        t.savedMask = null;
      }
      this.setPc(t, this.pcOf(t) - 4); // back to the svc
      if (this.trace) this.trace(ctx.traceLine + ' = ? ERESTARTSYS (To be restarted)\n');
      return;
    }
    this.complete(t, ctx, -EINTR);
  }

  // ---------------------------------------------------------------- threads and processes

  /**
   * clone/fork/vfork: a new thread (CLONE_THREAD) or process. Registers are copied from `t`
   * (which is loaded), with x0 = 0 and the new stack and TLS if given. Returns the new tid or -errno.
   */
  clone(t: Thread, a: CloneArgs): number | Thread {
    const parent = t.proc;
    const f = a.flags;
    const tid = this.nextPid++;
    let p: Process;
    if (f & CLONE_THREAD) p = parent;
    else {
      let mm: AddressSpace;
      if (f & CLONE_VM) {
        mm = parent.mm;
        mm.users++;
      } else {
        const mem = parent.mem.fork();
        if (!mem) return -ENOMEM;
        mm = this.newAddressSpace(mem);
      }
      p = new Process(tid, mm);
      p.parent = f & CLONE_PARENT ? parent.parent : parent;
      p.parent?.children.push(p);
      if (f & CLONE_FILES) {
        p.fds = parent.fds;
        p.fds.users++;
      } else p.fds = parent.fds.clone();
      if (f & CLONE_SIGHAND) {
        p.sigactions = parent.sigactions;
        p.sigactionsShared = parent.sigactionsShared = true;
      } else p.sigactions = new Map([...parent.sigactions].map(([k, v]) => [k, { ...v, mask: [...v.mask] }]));
      p.cwd = parent.cwd;
      p.umask = parent.umask;
      p.brk = parent.brk;
      p.brkStart = parent.brkStart;
      p.exe = parent.exe;
      p.argv = parent.argv;
      p.envp = parent.envp;
      p.auxv = parent.auxv;
      p.name = parent.name;
      p.pgid = parent.pgid;
      p.sid = parent.sid;
      p.sharedFileMaps = parent.sharedFileMaps;
      p.rlimits = new Map([...parent.rlimits].map(([k, v]) => [k, [v[0], v[1]]]));
      p.dumpable = parent.dumpable;
      p.exitSignal = a.exitSignal;
      this.processes.set(tid, p);
    }
    const child = new Thread(tid, p);
    child.regs.set(this.regsOf(t));
    child.pc = this.pcOf(t);
    const r = child.regs;
    r[0] = r[1] = 0;
    if (a.stack) {
      r[SLOT_SP * 2] = a.stack % 4294967296 | 0;
      r[SLOT_SP * 2 + 1] = Math.floor(a.stack / 4294967296) | 0;
    }
    if (f & CLONE_SETTLS) {
      r[SLOT_TPIDR * 2] = a.tls % 4294967296 | 0;
      r[SLOT_TPIDR * 2 + 1] = Math.floor(a.tls / 4294967296) | 0;
    }
    child.sigmask = [...t.sigmask];
    child.nice = t.nice;
    // a thread sharing the address space must not share the signal stack (a vfork child may)
    if (!(f & CLONE_VM) || f & CLONE_VFORK) child.altStack = { ...t.altStack };
    if (f & CLONE_CHILD_CLEARTID) child.clearTid = a.childTid;
    p.threads.push(child);
    this.threads.push(child);
    const tidBytes = new StructWriter(4).u32(0, tid).bytes;
    if (f & CLONE_PARENT_SETTID) parent.mem.write(a.parentTid, tidBytes);
    if (f & CLONE_CHILD_SETTID) p.mem.write(a.childTid, tidBytes);
    if (f & CLONE_VFORK) p.vforkParent = t;
    return child;
  }

  private wakeVforkParent(p: Process): void {
    if (p.vforkParent) {
      p.vforkParent = null;
      this.epoch++;
    }
  }

  /** A thread ends (exit, or its process dies): clear_child_tid, robust futexes, scheduling. */
  private killThread(t: Thread): void {
    if (t.state === ThreadState.Dead) return;
    if (t.wait) {
      t.wait.onAbort?.();
      t.wait = null;
    }
    t.state = ThreadState.Dead;
    const p = t.proc;
    if (t.clearTid) {
      // someone may still look at the word: write 0 and wake a waiter (pthread_join)
      if (p.mem.write(t.clearTid, new Uint8Array(4))) this.futexes.wake(p.mem, t.clearTid, 1, -1);
    }
    if (t.robustList) this.futexes.exitRobustList(t);
    p.threads.splice(p.threads.indexOf(t), 1);
    this.threads.splice(this.threads.indexOf(t), 1);
    if (this.loaded === t) this.loaded = null;
    if (this.cur === t) this.cur = null;
    this.epoch++;
  }

  /** The exit syscall: ends one thread; the process ends with it if it was the last. */
  exitThread(t: Thread, code: number): void {
    const p = t.proc;
    if (p.threads.length <= 1) this.exit(p, code);
    else this.killThread(t);
  }

  /** The process dies of `sig` (with a core dump where the default action dumps core). */
  terminate(p: Process, sig: number): void {
    // a64play behaves as a system whose core_pattern pipes dumps to a collector (systemd-coredump):
    // the dump, and the core flag in the wait status, happen unless the process is not dumpable
    const core = (signalDescriptions[sig]?.[1] ?? false) && p.dumpable;
    this.finish(p, sig | (core ? 0x80 : 0));
  }

  exit(p: Process, code: number): void {
    this.finish(p, (code & 0xff) << 8);
  }

  /** Ends the process with a wait status (Linux's encoding) and releases what it held. */
  private finish(p: Process, waitStatus: number): void {
    if (p.exited) return;
    for (const t of [...p.threads]) this.killThread(t);
    p.exited = true;
    p.stopped = false;
    p.waitStatus = waitStatus;
    if (p.sharedFileMaps) syncSharedFiles(p.mem);
    if (--p.fds.users === 0) p.fds.closeAll();
    if (--p.mm.users === 0 && p !== this.init) p.mem.release();
    this.wakeVforkParent(p);
    this.reparentChildren(p);
    this.futexes.dropProcess(p);
    for (const tm of [...this.timers]) if (tm.proc === p) this.timers.delete(tm);
    this.notifyParentOfExit(p);
    this.epoch++;
  }

  /**
   * The children of an ending process go to the nearest live ancestor that is a child subreaper,
   * or to "init" (outside a64play: they are reaped as soon as they end).
   */
  private reparentChildren(p: Process): void {
    let reaper = p.parent;
    while (reaper && (reaper.exited || !reaper.subreaper)) reaper = reaper.parent;
    const orphans = p.children.splice(0);
    for (const c of orphans) {
      c.parent = reaper;
      if (reaper) {
        reaper.children.push(c);
        // a zombie handed over is announced to its new parent
        if (c.exited && c.exitSignal) this.notifyParentOfExit(c);
      } else if (c.exited) this.processes.delete(c.pid);
    }
  }

  /** Tells the parent that `p` ended: SIGCHLD (or its exit signal), or reaping at once. */
  private notifyParentOfExit(p: Process): void {
    const parent = p.parent;
    if (!parent) {
      if (p !== this.init) this.processes.delete(p.pid);
      return;
    }
    const waitStatus = p.waitStatus;
    const act = parent.sigactions.get(SIG.SIGCHLD);
    const sig = waitStatus & 0x7f;
    const code = sig === 0 ? CLD_EXITED : waitStatus & 0x80 ? CLD_DUMPED : CLD_KILLED;
    const status = sig === 0 ? (waitStatus >> 8) & 0xff : sig;
    if (p.exitSignal === SIG.SIGCHLD && act && (act.handler === 1 || act.flags & SA_NOCLDWAIT)) {
      // the parent does not want zombies
      parent.children.splice(parent.children.indexOf(p), 1);
      this.processes.delete(p.pid);
    }
    if (p.exitSignal) this.sendToProcess(parent, { signo: p.exitSignal, code, pid: p.pid, uid: 0, status });
  }

  /** Stops every thread of `p` (SIGSTOP, SIGTSTP...) and tells the parent. */
  private stop(p: Process, sig: number): void {
    if (p.stopped || p.exited) return;
    p.stopped = true;
    p.stateChange = (sig << 8) | 0x7f;
    this.notifyStopOrContinue(p, CLD_STOPPED, sig);
  }

  private resume(p: Process): void {
    // SIGCONT discards pending stop signals, stopped or not
    this.discardPending(p, isStopSignal);
    if (!p.stopped) return;
    p.stopped = false;
    p.stateChange = 0xffff;
    this.notifyStopOrContinue(p, CLD_CONTINUED, SIG.SIGCONT);
  }

  /** SIGCHLD to the parent for a stop or a continue, unless it asked for none (SA_NOCLDSTOP). */
  private notifyStopOrContinue(p: Process, code: number, status: number): void {
    const parent = p.parent;
    const act = parent?.sigactions.get(SIG.SIGCHLD);
    if (parent && !(act && act.flags & SA_NOCLDSTOP)) this.sendToProcess(parent, { signo: SIG.SIGCHLD, code, pid: p.pid, uid: 0, status });
    this.epoch++;
  }

  /** Removes the pending signals `drop` selects from the queues of `p` and of its threads. */
  discardPending(p: Process, drop: (sig: number) => boolean): void {
    const keep = (i: SigInfo) => !drop(i.signo);
    p.pending = p.pending.filter(keep);
    for (const t of p.threads) t.pending = t.pending.filter(keep);
  }

  // ---------------------------------------------------------------- signals

  /**
   * A synchronous fault at the current instruction: delivered at once to a handler, or, when the
   * signal is blocked, ignored or has no handler, the process dies of it (as Linux forces).
   */
  fault(t: Thread, info: SigInfo): void {
    const p = t.proc;
    const act = p.sigactions.get(info.signo);
    if (!act || act.handler <= 1 || isBlocked(t, info.signo)) {
      this.terminate(p, info.signo);
      return;
    }
    this.enterHandler(t, act, info, info.addr ?? 0);
  }

  /** True when `sig` would be discarded at generation (ignored and not blocked by every thread). */
  private discards(p: Process, sig: number, t: Thread | null): boolean {
    const handler = p.sigactions.get(sig)?.handler ?? 0;
    if (handler !== 1 && !(handler === 0 && ignoredByDefault(sig))) return false;
    // blocked signals are never ignored: the disposition may change before they are unblocked
    if (t) return !isBlocked(t, sig);
    return !p.threads.some((th) => isBlocked(th, sig));
  }

  /** Generates a process-directed signal (kill, SIGCHLD, SIGPIPE to the process...). */
  sendToProcess(p: Process, info: SigInfo): void {
    this.generate(p, null, info);
  }

  /** Generates a thread-directed signal (tkill, tgkill, a fault's signal sent by raise...). */
  sendToThread(t: Thread, info: SigInfo): void {
    this.generate(t.proc, t, info);
  }

  private generate(p: Process, t: Thread | null, info: SigInfo): void {
    const sig = info.signo;
    if (p.exited) return;
    if (sig === SIG.SIGKILL) {
      this.terminate(p, sig);
      return;
    }
    if (sig === SIG.SIGCONT) this.resume(p);
    else if (isStopSignal(sig)) this.discardPending(p, (s) => s === SIG.SIGCONT);
    if (this.discards(p, sig, t)) return;
    const queue = t ? t.pending : p.pending;
    // standard signals do not queue: one pending instance at most
    if (sig < 32 && queue.some((i) => i.signo === sig)) return;
    queue.push(info);
    this.epoch++;
  }

  /** True when `t` has a pending signal it does not block. */
  hasDeliverable(t: Thread): boolean {
    if (t.pending.length === 0 && t.proc.pending.length === 0) return false;
    return this.peekDeliverable(t) !== null;
  }

  private peekDeliverable(t: Thread): SigInfo | null {
    for (const i of t.pending) if (!isBlocked(t, i.signo)) return i;
    for (const i of t.proc.pending) if (!isBlocked(t, i.signo)) return i;
    return null;
  }

  /**
   * Removes and returns the pending signal Linux would take next among those `pick` accepts:
   * thread-directed before process-directed; within a queue the synchronous fault signals first,
   * then the lowest number (queued instances of one real-time signal in order).
   */
  takePending(t: Thread, pick: (sig: number) => boolean): SigInfo | null {
    for (const q of [t.pending, t.proc.pending]) {
      let best = -1;
      for (let i = 0; i < q.length; i++) {
        const sig = q[i]!.signo;
        if (!pick(sig)) continue;
        if (best < 0 || signalRank(sig) < signalRank(q[best]!.signo)) best = i;
      }
      if (best >= 0) return q.splice(best, 1)[0]!;
    }
    return null;
  }

  /** Delivers every pending signal `t` does not block (each handler entry may block more). */
  deliverPending(t: Thread): void {
    const p = t.proc;
    for (;;) {
      const info = this.takePending(t, (sig) => !isBlocked(t, sig));
      if (!info) return;
      const act = p.sigactions.get(info.signo);
      const handler = act?.handler ?? 0;
      if (handler === 1) continue;
      if (handler === 0) {
        if (ignoredByDefault(info.signo)) continue;
        if (isStopSignal(info.signo)) {
          this.stop(p, info.signo);
          return;
        }
        this.terminate(p, info.signo);
        return;
      }
      this.enterHandler(t, act!, info, 0);
      if (p.exited) return;
    }
  }

  private enterHandler(t: Thread, act: SigAction, info: SigInfo, faultAddr: number): void {
    this.load(t);
    if (!setupFrame(t, act, info, faultAddr)) {
      this.terminate(t.proc, SIG.SIGSEGV);
      return;
    }
    if (act.flags & SA_RESETHAND) t.proc.sigactions.delete(info.signo);
  }

  // ---------------------------------------------------------------- terminals

  /**
   * Makes `tty` the controlling terminal of the first process's session, with its process group
   * in the foreground, and answers the terminal's job-control questions (signals for ^C/^Z/^\,
   * TIOCSPGRP's checks, background reads and writes: SIGTTIN/SIGTTOU).
   */
  attachTerminal(tty: Tty): void {
    const leader = this.init;
    tty.setControlling(leader.sid, leader.pgid);
    const live = () => [...this.processes.values()].filter((p) => !p.exited);
    tty.jobControl = {
      signalGroup: (pgrp, sig) => {
        for (const p of live()) if (p.pgid === pgrp) this.sendToProcess(p, { signo: sig, code: SI_KERNEL });
      },
      caller: () => {
        const p = this.current;
        return { pid: p.pid, pgid: p.pgid, sid: p.sid };
      },
      sessionOf: (id) => {
        const p = live().find((q) => q.pgid === id || q.pid === id);
        return p ? p.sid : -1;
      },
      hasTerminal: (sid) => tty.session === sid,
      background: (sig) => this.backgroundAccess(sig),
    };
  }

  /** Linux's tty_check_change for the current thread's process, which is in a background group. */
  private backgroundAccess(sig: number): number {
    const t = this.cur;
    if (!t) return 0;
    const p = t.proc;
    const handler = p.sigactions.get(sig)?.handler ?? 0;
    const ignored = handler === 1 || isBlocked(t, sig);
    if (ignored) return sig === SIG.SIGTTOU ? 0 : -EIO;
    if (this.orphanedGroup(p.pgid, p.sid)) return -EIO;
    for (const q of this.processes.values()) if (!q.exited && q.pgid === p.pgid) this.sendToProcess(q, { signo: sig, code: SI_KERNEL });
    return -ERESTARTSYS;
  }

  /** A process group is orphaned when no member has a parent in another group of the same session. */
  private orphanedGroup(pgid: number, sid: number): boolean {
    for (const q of this.processes.values()) {
      if (q.exited || q.pgid !== pgid) continue;
      const parent = q.parent;
      if (parent && !parent.exited && parent.pgid !== pgid && parent.sid === sid) return false;
    }
    return true;
  }

  // ---------------------------------------------------------------- timers

  private fireTimers(): void {
    const now = this.host.monotonicNs();
    for (const tm of [...this.timers]) {
      if (tm.dueNs > now) continue;
      if (tm.intervalNs > 0) {
        const missed = Math.floor((now - tm.dueNs) / tm.intervalNs);
        tm.overrun = missed;
        tm.dueNs += (missed + 1) * tm.intervalNs;
      } else this.timers.delete(tm);
      tm.fire();
    }
  }
}

/** An armed timer: alarm/setitimer/timer_create. `fire` generates its signal. */
export interface KernelTimer {
  proc: Process;
  dueNs: number;
  intervalNs: number;
  overrun: number;
  fire(): void;
}

export interface CloneArgs {
  flags: number;
  stack: number;
  tls: number;
  parentTid: number;
  childTid: number;
  exitSignal: number;
}

const SA_NOCLDWAIT = 2;

/** Delivery order: SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGFPE, SIGSYS first, then by number. */
const SYNCHRONOUS = new Set<number>([SIG.SIGSEGV, SIG.SIGBUS, SIG.SIGILL, SIG.SIGTRAP, SIG.SIGFPE, SIG.SIGSYS]);
const signalRank = (sig: number) => (SYNCHRONOUS.has(sig) ? sig : sig + 64);

export const isStopSignal = (sig: number) => sig === SIG.SIGSTOP || sig === SIG.SIGTSTP || sig === SIG.SIGTTIN || sig === SIG.SIGTTOU;

export function exitInfo(waitStatus: number): ExitInfo {
  const sig = waitStatus & 0x7f;
  if (sig === 0) {
    const code = (waitStatus >> 8) & 0xff;
    return { status: code, code, signal: null, core: false };
  }
  return { status: 128 + sig, code: null, signal: sig, core: (waitStatus & 0x80) !== 0 };
}
