/**
 * The page's only way to the engine: a typed client for the worker's messages (see
 * src/worker/protocol.ts). Methods send requests; `on` subscribes to the worker's reports.
 */
import type { EngineToUi, ErrorKind, ExitReport, FileInfo, RunConfig, StateReport, UiToEngine } from '../../worker/protocol';
import type { DebugRequest, StopReason } from '../../worker/protocol';

export interface LoadedProgram {
  name: string;
  path: string;
  size: number;
}

export interface StartedRun {
  name: string;
  argv: string[];
  cwd: string;
  /** the run's shared memory: the debugger reads registers from its state block (worker/shared-state.ts) */
  state: SharedArrayBuffer;
}

export interface EngineEvents {
  ready: () => void;
  loaded: (program: LoadedProgram) => void;
  started: (run: StartedRun) => void;
  /** Terminal output; call `shown` once it is on screen (the engine throttles output nobody shows). */
  output: (bytes: Uint8Array, shown: () => void) => void;
  state: (state: StateReport) => void;
  exit: (exit: ExitReport) => void;
  error: (message: string, kind: ErrorKind) => void;
  /** the program stopped for the debugger (breakpoint, step, pause) */
  stopped: (stop: { reason: StopReason; tid: number; pc: number; symbol: string | null }) => void;
  /** -strace lines of the running program (a batch per slice); `dropped` older lines were left out */
  syscalls: (lines: string[], dropped: number) => void;
  /** the worker's filesystem may have changed */
  fsChanged: () => void;
}

/** What the client needs of a Worker (a test can pass a fake). */
export interface WorkerLike {
  postMessage(message: unknown, transfer: Transferable[]): void;
  addEventListener(type: 'message', fn: (e: MessageEvent) => void): void;
  addEventListener(type: 'error', fn: (e: ErrorEvent) => void): void;
  terminate(): void;
}

type Listeners = { [K in keyof EngineEvents]: Set<EngineEvents[K]> };

const encoder = new TextEncoder();

export class EngineClient {
  private readonly worker: WorkerLike;
  private readonly listeners: Listeners = {
    ready: new Set(),
    loaded: new Set(),
    started: new Set(),
    output: new Set(),
    state: new Set(),
    exit: new Set(),
    error: new Set(),
    stopped: new Set(),
    syscalls: new Set(),
    fsChanged: new Set(),
  };
  private nextFsId = 1;
  private readonly fsPending = new Map<number, { resolve: (value: unknown) => void; reject: (e: Error) => void }>();

  constructor(worker?: WorkerLike) {
    this.worker = worker ?? new Worker(new URL('../../worker/engine.worker.ts', import.meta.url), { type: 'module', name: 'a64play engine' });
    this.worker.addEventListener('message', (e) => this.receive(e.data as EngineToUi));
    this.worker.addEventListener('error', (e) => {
      e.preventDefault?.();
      this.emit('error', `the engine's worker failed: ${e.message || 'it could not be loaded'}`, 'internal');
    });
  }

  /** Subscribes to a report; returns the function that unsubscribes. */
  on<K extends keyof EngineEvents>(type: K, listener: EngineEvents[K]): () => void {
    const set = this.listeners[type] as Set<EngineEvents[K]>;
    set.add(listener);
    return () => void set.delete(listener);
  }

  /** Sends a program (the bytes are handed over to the worker); `autorun` starts it at once. */
  load(name: string, bytes: Uint8Array, config: RunConfig, autorun = true): void {
    this.send({ type: 'load', name, bytes, autorun, ...config }, [bytes.buffer as ArrayBuffer]);
  }
  run(config?: RunConfig): void {
    this.send({ type: 'run', config });
  }
  restart(config?: RunConfig): void {
    this.send({ type: 'restart', config });
  }
  pause(): void {
    this.send({ type: 'pause' });
  }
  resume(): void {
    this.send({ type: 'resume' });
  }
  stop(): void {
    this.send({ type: 'stop' });
  }
  /** Keystrokes for the guest's terminal: a string is sent as UTF-8. */
  input(data: string | Uint8Array): void {
    const bytes = typeof data === 'string' ? encoder.encode(data) : data;
    if (bytes.length) this.send({ type: 'input', bytes });
  }
  resize(rows: number, cols: number): void {
    this.send({ type: 'resize', rows, cols });
  }

  /** Switches the syscall trace on or off (the current run and later ones). */
  traceSyscalls(enabled: boolean): void {
    this.send({ type: 'traceSyscalls', enabled });
  }

  // the files panel's requests: each promise settles with the worker's fsReply
  listDir(path: string): Promise<FileInfo[]> {
    return this.fsRequest((id) => ({ type: 'fsList', id, path })) as Promise<FileInfo[]>;
  }
  readFile(path: string): Promise<Uint8Array> {
    return this.fsRequest((id) => ({ type: 'fsRead', id, path })) as Promise<Uint8Array>;
  }
  /** The bytes are handed over to the worker. */
  writeFile(path: string, bytes: Uint8Array, mode?: number): Promise<void> {
    return this.fsRequest((id) => ({ type: 'fsWrite', id, path, bytes, mode }), [bytes.buffer as ArrayBuffer]) as Promise<void>;
  }
  makeDir(path: string): Promise<void> {
    return this.fsRequest((id) => ({ type: 'fsMkdir', id, path })) as Promise<void>;
  }
  remove(path: string): Promise<void> {
    return this.fsRequest((id) => ({ type: 'fsDelete', id, path })) as Promise<void>;
  }

  private fsRequest(make: (id: number) => UiToEngine, transfer: Transferable[] = []): Promise<unknown> {
    const id = this.nextFsId++;
    return new Promise((resolve, reject) => {
      this.fsPending.set(id, { resolve, reject });
      this.send(make(id), transfer);
    });
  }

  /** A debugger request answered by a reply (see src/ui/debug/debugApi.ts for the typed calls). */
  debugRequest(make: (id: number) => DebugRequest, transfer: Transferable[] = []): Promise<unknown> {
    const id = this.nextDebugId++;
    return new Promise((resolve, reject) => {
      this.debugPending.set(id, { resolve, reject });
      this.send(make(id), transfer);
    });
  }
  /** A debugger command without a reply (step, stepOver, stepOut, runTo). */
  debugCommand(msg: Extract<DebugRequest, { type: 'step' | 'stepOver' | 'stepOut' | 'runTo' }>): void {
    this.send(msg);
  }
  private nextDebugId = 1;
  private readonly debugPending = new Map<number, { resolve: (value: unknown) => void; reject: (e: Error) => void }>();

  dispose(): void {
    this.worker.terminate();
    for (const set of Object.values(this.listeners)) set.clear();
  }

  private send(msg: UiToEngine, transfer: Transferable[] = []): void {
    this.worker.postMessage(msg, transfer);
  }

  private receive(msg: EngineToUi): void {
    switch (msg.type) {
      case 'ready':
        this.emit('ready');
        break;
      case 'loaded':
        this.emit('loaded', { name: msg.name, path: msg.path, size: msg.size });
        break;
      case 'started':
        this.emit('started', { name: msg.name, argv: msg.argv, cwd: msg.cwd, state: msg.state });
        break;
      case 'output':
        this.output(msg.bytes);
        break;
      case 'state':
        this.emit('state', { state: msg.state, instructions: msg.instructions, mips: msg.mips });
        break;
      case 'exit':
        this.emit('exit', { status: msg.status, code: msg.code, signal: msg.signal, core: msg.core, message: msg.message });
        break;
      case 'error':
        this.emit('error', msg.message, msg.kind);
        break;
      case 'stopped':
        this.emit('stopped', { reason: msg.reason, tid: msg.tid, pc: msg.pc, symbol: msg.symbol });
        break;
      case 'reply': {
        const pending = this.debugPending.get(msg.id);
        this.debugPending.delete(msg.id);
        if (pending) {
          if (msg.ok) pending.resolve(msg.value);
          else pending.reject(new Error(msg.message));
        }
        break;
      }
      case 'syscalls':
        this.emit('syscalls', msg.lines, msg.dropped);
        break;
      case 'fsChanged':
        this.emit('fsChanged');
        break;
      case 'fsReply': {
        const pending = this.fsPending.get(msg.id);
        this.fsPending.delete(msg.id);
        if (pending) {
          if (msg.ok) pending.resolve(msg.value);
          else pending.reject(new Error(msg.message));
        }
        break;
      }
    }
  }

  /** Output is acknowledged once every listener has shown it (at once when nobody listens). */
  private output(bytes: Uint8Array): void {
    const listeners = [...this.listeners.output];
    let waiting = listeners.length;
    const ack = () => this.send({ type: 'outputAck', bytes: bytes.length });
    if (waiting === 0) return ack();
    for (const l of listeners) {
      let done = false;
      l(bytes, () => {
        if (done) return;
        done = true;
        if (--waiting === 0) ack();
      });
    }
  }

  private emit<K extends keyof EngineEvents>(type: K, ...args: Parameters<EngineEvents[K]>): void {
    for (const l of this.listeners[type]) {
      try {
        (l as (...a: Parameters<EngineEvents[K]>) => void)(...args);
      } catch (e) {
        console.error(`a64play: a '${type}' listener failed`, e);
      }
    }
  }
}
