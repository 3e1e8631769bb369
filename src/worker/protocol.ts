/**
 * The messages between the page and the engine's Web Worker. The page never touches the engine:
 * it sends these requests through the typed client (src/ui/engine/client.ts) and listens to the
 * worker's reports. Every message is a plain object with a `type`; byte arrays are transferred.
 *
 * One worker hosts one session: a filesystem that lives as long as the worker, one loaded program
 * and at most one run of it (a fresh kernel and guest memory per run).
 */

/** What the session is doing. idle: nothing has run since the program was loaded (or none is). */
export type EngineState = 'idle' | 'running' | 'paused' | 'exited';

/** How the program is started: argv[1..], the environment ("KEY=VALUE" strings), the working directory. */
export interface RunConfig {
  args: string[];
  env: string[];
  cwd: string;
}

// ---------------------------------------------------------------- page → worker

export type UiToEngine =
  /**
   * A program to run: written to /home/user/<name> (mode 0755, so the guest can exec it too).
   * A file that is not an aarch64 executable is refused with an `error` report and changes
   * nothing. With `autorun` it starts at once (whatever ran before is killed first).
   */
  | ({ type: 'load'; name: string; bytes: Uint8Array; autorun?: boolean } & RunConfig)
  /** Starts the loaded program afresh (killing a run in progress); `config` replaces the load's. */
  | { type: 'run'; config?: RunConfig }
  | { type: 'pause' }
  | { type: 'resume' }
  /** Kills every guest process (SIGKILL); reports `exit`. */
  | { type: 'stop' }
  /** stop + run, without reporting the killed run's exit. */
  | { type: 'restart'; config?: RunConfig }
  /** Keystrokes (UTF-8) for the guest's terminal: its line discipline echoes, edits, signals. */
  | { type: 'input'; bytes: Uint8Array }
  /** The console's size in character cells: TIOCGWINSZ answers it, the foreground job gets SIGWINCH. */
  | { type: 'resize'; rows: number; cols: number }
  /**
   * The page has shown `bytes` bytes of output. The worker stops running the guest while too much
   * output is unacknowledged, so a program printing without end cannot flood the page.
   */
  | { type: 'outputAck'; bytes: number }
  | DebugRequest
  | FilesRequest;

// ---------------------------------------------------------------- worker → page

export interface ExitReport {
  /** as a shell reports it: the exit code, or 128 + signal */
  status: number;
  code: number | null;
  signal: number | null;
  core: boolean;
  /** "exited with status 0", "killed by SIGSEGV (core dumped)" */
  message: string;
}

export interface StateReport {
  state: EngineState;
  /** guest instructions retired in this run (every thread of every process) */
  instructions: number;
  /** millions of instructions per second over the last second of running (0 unless running) */
  mips: number;
}

/**
 * format: the file cannot be run (not ELF, wrong architecture, corrupt, missing interpreter);
 * request: a request that makes no sense now (run with nothing loaded); internal: a bug in a64play.
 * The session keeps working after any of them.
 */
export type ErrorKind = 'format' | 'request' | 'internal';

export type EngineToUi =
  /** The worker is up and takes requests. */
  | { type: 'ready'; protocol: typeof PROTOCOL_VERSION }
  /** A program was accepted by `load`. */
  | { type: 'loaded'; name: string; path: string; size: number }
  /**
   * A run began (after run, restart or load with autorun): a fresh terminal and counters.
   * `state` is the run's shared guest memory, whose first bytes are the CPU state block the
   * page reads registers from while the guest is stopped (shared-state.ts).
   */
  | { type: 'started'; name: string; argv: string[]; cwd: string; state: SharedArrayBuffer }
  /** What the guest's terminal shows (guest output and echoes), batched per time slice. */
  | { type: 'output'; bytes: Uint8Array }
  /** Sent on every change of state and a few times a second while running. */
  | ({ type: 'state' } & StateReport)
  /** The program's first process ended (its children, if any, are not run further). */
  | ({ type: 'exit' } & ExitReport)
  /** A one-line message. */
  | { type: 'error'; kind: ErrorKind; message: string }
  | DebugReport
  | FilesReport;

export const PROTOCOL_VERSION = 1;

// ---------------------------------------------------------------- debugger (issue 6: inspecting)

/**
 * The debugger's requests. Those with an `id` are answered by a `reply` with the same id; the
 * others (stepping, breakpoints) report through `state` and `stopped`. Registers, memory and
 * stepping act on the current thread (the one last run) while the session is paused.
 * 64-bit values travel as hex strings (no precision lost); addresses (< 2^48) as numbers.
 */
export type DebugRequest =
  | { type: 'getRegisters'; id: number }
  /** name: x0…x30, sp, pc, nzcv, fpcr, fpsr, tpidr, v0…v31; value: decimal, 0x-hex or -decimal */
  | { type: 'setRegister'; id: number; name: string; value: string }
  | { type: 'readMemory'; id: number; address: number; length: number }
  | { type: 'writeMemory'; id: number; address: number; bytes: Uint8Array }
  | { type: 'getMappings'; id: number }
  /** `before` instructions before `address`, then `count` from it */
  | { type: 'disassemble'; id: number; address: number; before: number; count: number }
  /** A symbol's run-time address (or a number spelled in hex/decimal): replies number | null. */
  | { type: 'resolve'; id: number; name: string }
  /** Replaces the breakpoint list (addresses; names are resolved in the worker). Replies the list. */
  | { type: 'setBreakpoints'; id: number; addresses: number[]; symbols?: string[] }
  | { type: 'step' }
  | { type: 'stepOver' }
  | { type: 'stepOut' }
  | { type: 'runTo'; address: number };

export interface RegisterSnapshot {
  tid: number;
  /** X0…X30 as 16 hex digits */
  x: string[];
  sp: string;
  pc: string;
  nzcv: number;
  fpcr: number;
  fpsr: number;
  tpidr: string;
  /** V0…V31, 16 bytes each, little-endian */
  v: Uint8Array;
}

export interface MemoryChunk {
  address: number;
  /** the bytes read; -1 where the address is not readable */
  bytes: number[];
}

export interface Mapping {
  start: number;
  end: number;
  /** "r-xp" as /proc/self/maps spells it */
  perms: string;
  name: string;
}

export interface DisasmLine {
  address: number;
  /** the instruction word, or null when unreadable */
  word: number | null;
  text: string;
  /** `main+0x10` for the line's own address, if a symbol covers it */
  symbol: string | null;
}

export interface BreakpointInfo {
  address: number;
  symbol: string | null;
}

export type StopReason = 'breakpoint' | 'step' | 'pause';

export type DebugReport =
  | { type: 'reply'; id: number; ok: true; value: unknown }
  | { type: 'reply'; id: number; ok: false; message: string }
  /**
   * The guest stopped for the debugger (breakpoint, step finished, pause) at `pc` (`symbol`:
   * `main+0x10`, when the program's symbols cover it). Thread `tid`'s registers are in the
   * shared state block until the guest runs again.
   */
  | { type: 'stopped'; reason: StopReason; tid: number; pc: number; symbol: string | null };

// ---------------------------------------------------------------- syscall trace and files (issue 6: inspecting)

/** One entry of a directory listing (src/worker/files.ts). */
export interface FileInfo {
  name: string;
  /** absolute path */
  path: string;
  kind: 'dir' | 'file' | 'link' | 'other';
  size: number;
  mtimeMs: number;
  /** permission bits */
  mode: number;
}

/**
 * The trace switch and the files panel's requests. Those with an `id` are answered by an
 * `fsReply` with the same id (their own numbering, apart from the debugger's `reply`). Paths are
 * absolute, in the session's in-memory root filesystem.
 */
export type FilesRequest =
  /** Turns the -strace trace of the run (this one and later ones) on or off. */
  | { type: 'traceSyscalls'; enabled: boolean }
  /** replies FileInfo[] */
  | { type: 'fsList'; id: number; path: string }
  /** replies Uint8Array */
  | { type: 'fsRead'; id: number; path: string }
  /** creates or replaces a file (parents created); replies null */
  | { type: 'fsWrite'; id: number; path: string; bytes: Uint8Array; mode?: number }
  | { type: 'fsMkdir'; id: number; path: string }
  /** a file, or a directory with everything in it */
  | { type: 'fsDelete'; id: number; path: string };

export type FilesReport =
  | { type: 'fsReply'; id: number; ok: true; value: unknown }
  | { type: 'fsReply'; id: number; ok: false; message: string }
  /** -strace lines (without newlines) gathered in one slice; `dropped` older lines were left out. */
  | { type: 'syscalls'; lines: string[]; dropped: number }
  /** The filesystem may have changed (a run ended, a file was uploaded, saved files were restored). */
  | { type: 'fsChanged' };
