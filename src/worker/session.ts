/**
 * One playground session: the filesystem, the loaded program and its current run, driven by the
 * protocol's requests. The run loop gives the guest short slices of time (Kernel.runFor) and
 * returns to the event loop in between, so requests (pause, stop, keystrokes) are handled while
 * a program spins forever. Nothing here touches the worker's global scope: the worker entry
 * passes a `post` function, which keeps the session runnable (and testable) on any JS thread
 * that may block.
 */
import { ExecFormatError, parseElf } from '../core/elf/elf.js';
import { type ExitInfo, exitInfo, Kernel } from '../core/linux/kernel.js';
import { SI_KERNEL } from '../core/linux/signals.js';
import { SIG } from '../core/linux/abi.js';
import { DevFs } from '../core/vfs/devfs.js';
import { MemFs } from '../core/vfs/memfs.js';
import { IUTF8, Termios } from '../core/vfs/termios.js';
import { Tty } from '../core/vfs/tty.js';
import { normalizePath, Vfs } from '../core/vfs/vfs.js';
import { utf8Encode } from '../core/util/utf8.js';
import { workerHost } from './host.js';
import type { EngineState, EngineToUi, ExitReport, FilesRequest, RunConfig, UiToEngine } from './protocol.js';
import { SpeedMeter } from './speed.js';
import { Debugger } from './debug.js';
import { listDir, makeDir, readFile, remove, writeFile } from './files.js';
import { TraceBuffer } from './trace.js';

/** Guest time per slice before the event loop gets its turn (about one frame). */
export const SLICE_MS = 20;
/** How often trace lines go out while running. */
const TRACE_POST_MS = 100;
/** How often `state` reports go out while running. */
const REPORT_MS = 250;
/** Output the page has not yet shown, beyond which the guest waits. */
const OUTPUT_HIGH_WATER = 1 << 20;
/** Guest memory: 16 MiB at first, growing on demand up to 2 GiB (WebAssembly pages of 64 KiB). */
const MEMORY_PAGES = { initial: 256, maximum: 32768 };

export const HOME = '/home/user';

export type Post = (msg: EngineToUi, transfer?: Transferable[]) => void;

interface Program {
  name: string;
  path: string;
  size: number;
}

/** One run of the program: its own kernel, guest memory and terminal. */
interface Run {
  kernel: Kernel;
  tty: Tty;
  meter: SpeedMeter;
}

const signalNames: Record<number, string> = Object.fromEntries(Object.entries(SIG).map(([name, n]) => [n, name]));

export function signalName(sig: number): string {
  return signalNames[sig] ?? `signal ${sig}`;
}

export function describeExit(e: ExitInfo): ExitReport {
  const message =
    e.signal === null ? `exited with status ${e.code}` : `killed by ${signalName(e.signal)}${e.core ? ' (core dumped)' : ''}`;
  return { status: e.status, code: e.code, signal: e.signal, core: e.core, message };
}

/** A file name for the guest: its last path component, never empty, '.' or '..'. */
export function guestFileName(name: string): string {
  const base = name.split(/[/\\]/).pop()!.replace(/\0/g, '');
  return base === '' || base === '.' || base === '..' ? 'program' : base;
}

/** Printable ASCII (and tabs and line ends) in the first 512 bytes: what the kernel calls a text file. */
function looksLikeText(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 512);
  return head.length > 0 && head.every((b) => b === 9 || b === 10 || b === 13 || (b >= 0x20 && b < 0x7f));
}

const oneLine = (e: unknown) => (e instanceof Error ? e.message : String(e)).split('\n')[0]!;

export class Session {
  readonly host = workerHost();
  readonly fs: MemFs;
  readonly vfs = new Vfs();
  private program: Program | null = null;
  private config: RunConfig = { args: [], env: [], cwd: HOME };
  private run: Run | null = null;
  private state: EngineState = 'idle';
  private rows = 24;
  private cols = 80;
  /** output posted but not yet acknowledged by the page */
  private unacked = 0;
  private outChunks: Uint8Array[] = [];
  private outBytes = 0;
  /** keystrokes the terminal had no room for yet */
  private pendingInput: Uint8Array[] = [];
  private tickPending = false;
  private lastReport = 0;
  private readonly schedule: (fn: () => void) => void;
  /** registers, memory, breakpoints and stepping (debug.ts) */
  private readonly debug = new Debugger({
    kernel: () => this.run?.kernel ?? null,
    paused: () => this.state === 'paused',
    programBytes: () => {
      const data = this.program ? this.vfs.readFile(this.program.path) : null;
      return data instanceof Uint8Array ? data : null;
    },
    reply: (id, value) => this.post({ type: 'reply', id, ok: true, value }),
    fail: (id, message) => this.post({ type: 'reply', id, ok: false, message }),
    pause: (reason) => this.debugStop(reason),
    resume: () => {
      if (this.state !== 'paused') return;
      this.run?.meter.reset();
      this.setState('running');
      this.kick();
    },
    stepped: () => this.afterStep(),
  });
  /** -strace lines for the trace panel (on by default; see traceSyscalls) */
  private traceOn = true;
  private readonly traceBuf = new TraceBuffer();
  private lastTracePost = 0;
  /** files written by `load` (the persisted files leave them out) */
  readonly programPaths = new Set<string>();
  /** called when the filesystem may have changed (the worker saves the user's files) */
  filesChanged: (() => void) | null = null;

  constructor(
    private readonly post: Post,
    schedule?: (fn: () => void) => void,
  ) {
    this.schedule = schedule ?? macrotask();
    this.fs = new MemFs();
    this.fs.mkdirp('/tmp', 0o1777);
    this.fs.chmod('/tmp', 0o1777);
    this.fs.mkdirp(HOME);
    this.fs.writeFile('/etc/passwd', 'root:x:0:0:root:/root:/bin/sh\nuser:x:1000:1000:user:/home/user:/bin/sh\n');
    this.fs.writeFile('/etc/group', 'root:x:0:\nuser:x:1000:\n');
    this.fs.writeFile('/etc/hostname', 'a64play\n');
    this.vfs.mount('/', this.fs);
    // between the kernel's scheduling quanta: breakpoints reach processes forked meanwhile
    this.host.pump = () => {
      const k = this.run?.kernel;
      if (k) this.debug.sync(k);
    };
  }

  /** Handles one request; never throws (failures become `error` reports). */
  handle(msg: UiToEngine): void {
    try {
      this.dispatch(msg);
    } catch (e) {
      this.internalError(e);
    }
    this.flushOutput();
  }

  private dispatch(msg: UiToEngine): void {
    switch (msg.type) {
      case 'load':
        this.load(msg.name, msg.bytes, { args: msg.args, env: msg.env, cwd: msg.cwd }, msg.autorun ?? false);
        break;
      case 'run':
      case 'restart':
        if (msg.config) this.config = msg.config;
        if (!this.program) {
          this.post({ type: 'error', kind: 'request', message: 'no program loaded: drop an aarch64 ELF file or use Open…' });
          return;
        }
        this.start();
        break;
      case 'pause':
        if (this.state !== 'running') return;
        this.debug.cancel();
        this.debugStop('pause');
        break;
      case 'resume':
        if (this.state !== 'paused') return;
        this.run?.meter.reset();
        this.setState('running');
        this.kick();
        break;
      case 'stop':
        this.stop(true);
        break;
      case 'input':
        this.input(msg.bytes);
        break;
      case 'resize':
        this.resize(msg.rows, msg.cols);
        break;
      case 'traceSyscalls':
      case 'fsList':
      case 'fsRead':
      case 'fsWrite':
      case 'fsMkdir':
      case 'fsDelete':
        this.filesRequest(msg);
        break;
      case 'getRegisters':
      case 'setRegister':
      case 'readMemory':
      case 'writeMemory':
      case 'getMappings':
      case 'disassemble':
      case 'resolve':
      case 'setBreakpoints':
      case 'step':
      case 'stepOver':
      case 'stepOut':
      case 'runTo':
        this.debug.handle(msg);
        break;
      case 'outputAck':
        this.unacked = Math.max(0, this.unacked - msg.bytes);
        if (this.unacked <= OUTPUT_HIGH_WATER) this.kick();
        break;
      default:
        this.post({ type: 'error', kind: 'request', message: `unknown request ${JSON.stringify((msg as { type?: unknown }).type)}` });
    }
  }

  // ---------------------------------------------------------------- program and runs

  private load(name: string, bytes: Uint8Array, config: RunConfig, autorun: boolean): void {
    const fileName = guestFileName(name);
    const isScript = bytes.length >= 2 && bytes[0] === 0x23 && bytes[1] === 0x21;
    if (!isScript) {
      try {
        parseElf(bytes);
      } catch (e) {
        if (e instanceof ExecFormatError) {
          const why = looksLikeText(bytes) ? 'not a program: a text file without a #! line' : e.message;
          this.post({ type: 'error', kind: 'format', message: `${fileName}: ${why}` });
          return;
        }
        throw e;
      }
    }
    // the file is good: whatever ran goes, the new program takes its place
    this.stop(false);
    const path = `${HOME}/${fileName}`;
    this.fs.writeFile(path, bytes, 0o755);
    this.programPaths.add(path);
    this.program = { name: fileName, path, size: bytes.length };
    this.config = config;
    this.post({ type: 'loaded', name: fileName, path, size: bytes.length });
    if (autorun) this.start();
    else if (this.state !== 'idle') this.setState('idle');
  }

  /** Starts the program afresh: a new kernel, guest memory and terminal. */
  private start(): void {
    this.stop(false);
    this.debug.cancel();
    const prog = this.program!;
    const { args, env } = this.config;
    const cwd = normalizePath(this.config.cwd.trim() || HOME);
    // a working directory that does not exist yet is created (the page lets people type any)
    try {
      this.fs.mkdirp(cwd);
    } catch (e) {
      this.post({ type: 'error', kind: 'request', message: `working directory ${oneLine(e).replace(/^mkdirp /, '')}` });
      this.setState('idle');
      return;
    }
    const memory = new WebAssembly.Memory({ ...MEMORY_PAGES, shared: true });
    const termios = Termios.standard();
    termios.iflag |= IUTF8; // xterm.js sends UTF-8: erase whole characters
    const tty: Tty = new Tty({
      output: (b) => {
        if (this.run?.tty === tty) this.queueOutput(b);
      },
      pull: () => this.feedInput(),
      now: () => this.host.monotonicNs(),
      rows: this.rows,
      cols: this.cols,
      termios,
    });
    const outside = { stat: (p: string, f: boolean) => this.vfs.stat(p, f), open: (p: string, f: number, m: number) => this.vfs.open(p, f, m) };
    this.vfs.mount('/dev', new DevFs((b) => this.host.randomBytes(b), () => tty, outside));
    this.traceBuf.clear();
    const trace = this.traceOn ? this.traceBuf.sink : undefined;
    // the kernel's messages (the OOM killer's) appear in the console, as on a Linux console
    const log = (line: string) => this.queueOutput(utf8Encode(`\r\na64play: ${line}\r\n`));
    const kernel = new Kernel({ vfs: this.vfs, host: this.host, memory, stdio: [tty, tty, tty], cwd, hostname: 'a64play', trace, log });
    const argv = [prog.name, ...args];
    this.run = null;
    try {
      kernel.spawn(prog.path, argv, env);
    } catch (e) {
      if (e instanceof ExecFormatError) {
        this.post({ type: 'error', kind: 'format', message: this.execMessage(e.message) });
        this.setState('idle');
        return;
      }
      throw e;
    }
    kernel.attachTerminal(tty);
    this.pendingInput = [];
    this.run = { kernel, tty, meter: new SpeedMeter() };
    this.run.meter.sample(performance.now(), 0);
    this.post({ type: 'started', name: prog.name, argv, cwd, state: memory.buffer as unknown as SharedArrayBuffer });
    this.setState('running');
    // The CPU looks for breakpoints where it enters a block after running another, so one on the
    // entry point itself is caught here, before the first instruction.
    if (this.debug.isUserBreakpoint(kernel.pcOf(kernel.currentThread!))) this.debugStop('breakpoint');
    else this.kick();
  }

  /** The kernel names the file by its guest path; the page knows it by its name. */
  private execMessage(text: string): string {
    const prog = this.program!;
    let m = text.startsWith(prog.path + ':') ? prog.name + text.slice(prog.path.length) : text;
    m = m.replace(/; use -L with a sysroot$/, ' (the playground runs statically linked programs)');
    return m;
  }

  /**
   * Kills every guest process (SIGKILL, as `kill -9` would) and ends the run; `report` says
   * whether the page hears of the exit (not when a new run replaces this one).
   */
  private stop(report: boolean): void {
    const run = this.run;
    if (!run || (this.state !== 'running' && this.state !== 'paused')) return;
    const k = run.kernel;
    for (const p of [...k.processes.values()]) if (!p.exited) k.sendToProcess(p, { signo: SIG.SIGKILL, code: SI_KERNEL });
    this.flushOutput();
    const exit = k.init.exited ? exitInfo(k.init.waitStatus) : { status: 137, code: null, signal: SIG.SIGKILL, core: false };
    if (report) this.finish(exit);
    else this.state = 'exited';
  }

  private finish(exit: ExitInfo): void {
    this.flushTrace(true);
    this.flushOutput();
    this.post({ type: 'exit', ...describeExit(exit) });
    this.setState('exited');
    this.changedFiles();
  }

  // ---------------------------------------------------------------- the run loop

  /** Makes sure a slice is coming (when running and the page keeps up with the output). */
  private kick(): void {
    if (this.tickPending || this.state !== 'running' || this.unacked > OUTPUT_HIGH_WATER) return;
    this.tickPending = true;
    this.schedule(this.tick);
  }

  private readonly tick = (): void => {
    this.tickPending = false;
    const run = this.run;
    if (!run || this.state !== 'running' || this.unacked > OUTPUT_HIGH_WATER) return;
    let exit: ExitInfo | null;
    try {
      this.feedInput();
      exit = run.kernel.runFor(SLICE_MS);
    } catch (e) {
      this.flushOutput();
      this.internalError(e);
      this.setState('exited');
      return;
    }
    this.flushOutput();
    if (exit) {
      this.finish(exit);
      return;
    }
    const hit = run.kernel.breakpointHit;
    if (hit) {
      run.kernel.breakpointHit = null;
      const reason = this.debug.onBreakpoint(hit);
      if (reason) {
        this.debugStop(reason);
        return;
      }
    }
    const now = performance.now();
    run.meter.sample(now, run.kernel.retired);
    if (now - this.lastReport >= REPORT_MS) this.reportState();
    this.kick();
  };

  // ---------------------------------------------------------------- terminal

  private input(bytes: Uint8Array): void {
    if (!this.run || this.state === 'exited' || this.state === 'idle') return;
    this.pendingInput.push(bytes);
    this.feedInput();
  }

  /** Offers queued keystrokes to the line discipline, keeping what it has no room for. */
  private feedInput(): void {
    const tty = this.run?.tty;
    if (!tty) return;
    while (this.pendingInput.length) {
      const chunk = this.pendingInput[0]!;
      const n = tty.input(chunk);
      if (n >= chunk.length) this.pendingInput.shift();
      else {
        this.pendingInput[0] = chunk.subarray(n);
        return;
      }
    }
  }

  private resize(rows: number, cols: number): void {
    rows = Math.max(1, Math.min(1000, rows | 0));
    cols = Math.max(1, Math.min(1000, cols | 0));
    if (rows === this.rows && cols === this.cols) return;
    this.rows = rows;
    this.cols = cols;
    if (this.run && (this.state === 'running' || this.state === 'paused')) this.run.tty.resize(rows, cols);
  }

  private queueOutput(bytes: Uint8Array): void {
    if (bytes.length === 0) return;
    this.outChunks.push(bytes);
    this.outBytes += bytes.length;
  }

  /** Posts the output gathered since the last flush as one message. */
  private flushOutput(): void {
    this.flushTrace();
    if (this.outBytes === 0) return;
    let bytes: Uint8Array;
    if (this.outChunks.length === 1) bytes = this.outChunks[0]!;
    else {
      bytes = new Uint8Array(this.outBytes);
      let o = 0;
      for (const c of this.outChunks) {
        bytes.set(c, o);
        o += c.length;
      }
    }
    this.outChunks = [];
    this.outBytes = 0;
    this.unacked += bytes.length;
    this.post({ type: 'output', bytes }, [bytes.buffer as ArrayBuffer]);
  }

  // ---------------------------------------------------------------- syscall trace and files

  /**
   * Posts the trace lines gathered so far: while running at most every TRACE_POST_MS (a program
   * making syscalls without pause would otherwise spend its time copying lines the page drops).
   */
  private flushTrace(force = false): void {
    const now = performance.now();
    if (!force && this.state === 'running' && now - this.lastTracePost < TRACE_POST_MS) return;
    this.lastTracePost = now;
    const batch = this.traceBuf.take();
    if (batch) this.post({ type: 'syscalls', lines: batch.lines, dropped: batch.dropped });
  }

  private changedFiles(): void {
    this.post({ type: 'fsChanged' });
    this.filesChanged?.();
  }

  private filesRequest(msg: FilesRequest): void {
    if (msg.type === 'traceSyscalls') {
      this.traceOn = msg.enabled;
      // the kernel reads its trace option on every syscall: switching it affects the live run too
      if (this.run) (this.run.kernel as unknown as { trace?: (text: string) => void }).trace = msg.enabled ? this.traceBuf.sink : undefined;
      return;
    }
    try {
      let value: unknown = null;
      const transfer: Transferable[] = [];
      switch (msg.type) {
        case 'fsList':
          value = listDir(this.fs, msg.path);
          break;
        case 'fsRead': {
          const bytes = readFile(this.fs, msg.path);
          transfer.push(bytes.buffer as ArrayBuffer);
          value = bytes;
          break;
        }
        case 'fsWrite':
          writeFile(this.fs, msg.path, msg.bytes, msg.mode);
          this.programPaths.delete(normalizePath(msg.path));
          break;
        case 'fsMkdir':
          makeDir(this.fs, msg.path);
          break;
        case 'fsDelete':
          remove(this.fs, msg.path);
          break;
      }
      this.post({ type: 'fsReply', id: msg.id, ok: true, value }, transfer);
      if (msg.type !== 'fsList' && msg.type !== 'fsRead') this.changedFiles();
    } catch (e) {
      this.post({ type: 'fsReply', id: msg.id, ok: false, message: oneLine(e) });
    }
  }

  // ---------------------------------------------------------------- debugger

  /**
   * Pauses for the debugger and says where the current thread stands; its registers are in the
   * shared state block for the page to read (shared-state.ts).
   */
  private debugStop(reason: 'breakpoint' | 'step' | 'pause'): void {
    const k = this.run?.kernel;
    this.setState('paused');
    const t = k?.currentThread;
    if (!k || !t) return;
    this.debug.exposeState();
    const pc = k.pcOf(t);
    this.post({ type: 'stopped', reason, tid: t.tid, pc, symbol: this.debug.describe(pc) });
  }

  /** A single step ran: the program may have ended. */
  private afterStep(): void {
    const k = this.run?.kernel;
    if (!k) return;
    this.flushOutput();
    if (k.init.exited) {
      this.finish(exitInfo(k.init.waitStatus));
      return;
    }
    this.debugStop('step');
  }

  // ---------------------------------------------------------------- reports

  private setState(state: EngineState): void {
    this.state = state;
    if (state !== 'running') this.run?.meter.reset();
    this.reportState();
  }

  private reportState(): void {
    this.lastReport = performance.now();
    const run = this.run;
    this.post({
      type: 'state',
      state: this.state,
      instructions: run && this.state !== 'idle' ? run.kernel.retired : 0,
      mips: this.state === 'running' && run ? Math.round(run.meter.mips * 10) / 10 : 0,
    });
  }

  internalError(e: unknown): void {
    this.post({ type: 'error', kind: 'internal', message: `a64play internal error: ${oneLine(e)}` });
  }
}

/** A macrotask without setTimeout's clamping: a message to ourselves through a MessageChannel. */
function macrotask(): (fn: () => void) => void {
  const queue: (() => void)[] = [];
  const ch = new MessageChannel();
  ch.port1.onmessage = () => queue.shift()?.();
  return (fn) => {
    queue.push(fn);
    ch.port2.postMessage(null);
  };
}
