/**
 * The session's debugger: registers, memory, mappings and disassembly of the current thread,
 * breakpoints (set on every process's Cpu) and the stepping commands. The session owns the run
 * loop; this class tells it when to pause (a breakpoint that counts) and answers the requests.
 */
import { disassembleRange } from '../core/asm/disasm.js';
import { I_C, I_FPCR, I_FPSR, I_N, I_V, I_Z, SLOT_SP, SLOT_TPIDR, V_BASE } from '../core/cpu/layout.js';
import type { Cpu } from '../core/cpu/cpu.js';
import { parseElf, PT_LOAD } from '../core/elf/elf.js';
import { readSymbols, SymbolTable } from '../core/elf/symbols.js';
import type { Kernel } from '../core/linux/kernel.js';
import { type Thread, ThreadState } from '../core/linux/process.js';
import { PAGE_SIZE, PROT_EXEC, PROT_READ, PROT_WRITE } from '../core/memory/memory.js';
import type { BreakpointInfo, DebugRequest, DisasmLine, Mapping, MemoryChunk, RegisterSnapshot, StopReason } from './protocol.js';
import { registersFrom } from './shared-state.js';

/** What the debugger needs of the session. */
export interface DebugHost {
  kernel(): Kernel | null;
  paused(): boolean;
  /** The loaded program's bytes (for its symbols), or null. */
  programBytes(): Uint8Array | null;
  reply(id: number, value: unknown): void;
  fail(id: number, message: string): void;
  /** Pauses the session and reports `stopped`. */
  pause(reason: StopReason): void;
  /** Lets the session run again (after stepOver/stepOut/runTo set their temporary breakpoint). */
  resume(): void;
  /** After a single step: reports state and `stopped`, or the exit. */
  stepped(): void;
}

/** A temporary breakpoint of step over / step out / run to cursor. */
interface Temp {
  address: number;
  /** stop only when SP is at least this (a recursive call of the same function does not count) */
  minSp: number;
}

const MAX_READ = 64 * 1024;
const MAX_DISASM = 512;

/** BL and BLR (BLRAA etc. are not in the table): calls that step over skips. */
function isCall(word: number): boolean {
  return (word & 0xfc000000) >>> 0 === 0x94000000 || (word & 0xfffffc1f) >>> 0 === 0xd63f0000;
}

export class Debugger {
  private readonly user = new Set<number>();
  private temp: Temp | null = null;
  /** bumped whenever the breakpoint set changes; each Cpu remembers the version it has */
  private version = 1;
  private readonly synced = new WeakMap<Cpu, number>();
  private symbolsFor: { kernel: Kernel; table: SymbolTable | null } | null = null;

  constructor(private readonly host: DebugHost) {}

  handle(msg: DebugRequest): void {
    const id = 'id' in msg ? msg.id : -1;
    try {
      this.dispatch(msg);
    } catch (e) {
      if (id >= 0) this.host.fail(id, e instanceof Error ? e.message : String(e));
      else throw e;
    }
  }

  private dispatch(msg: DebugRequest): void {
    const h = this.host;
    switch (msg.type) {
      case 'getRegisters':
        return h.reply(msg.id, this.registers(this.thread()));
      case 'setRegister':
        this.needPaused();
        this.setRegister(this.thread(), msg.name, msg.value);
        this.exposeState();
        return h.reply(msg.id, this.registers(this.thread()));
      case 'readMemory':
        return h.reply(msg.id, this.readMemory(msg.address, msg.length));
      case 'writeMemory': {
        this.needPaused();
        const mem = this.kernelOrThrow().current.mem;
        if (!mem.write(msg.address, msg.bytes, false)) throw new Error(`EFAULT: 0x${msg.address.toString(16)} is not writable`);
        return h.reply(msg.id, true);
      }
      case 'getMappings':
        return h.reply(msg.id, this.mappings());
      case 'disassemble':
        return h.reply(msg.id, this.disassemble(msg.address, msg.before, msg.count));
      case 'resolve':
        return h.reply(msg.id, this.resolve(msg.name));
      case 'setBreakpoints': {
        const list = [...msg.addresses];
        for (const name of msg.symbols ?? []) {
          const a = this.resolve(name);
          if (a === null) throw new Error(`no symbol named ${name}`);
          list.push(a);
        }
        this.user.clear();
        for (const a of list) if (Number.isFinite(a) && a >= 0) this.user.add(a - (a % 4));
        this.version++;
        const k = h.kernel();
        if (k) this.sync(k);
        return h.reply(msg.id, this.breakpoints());
      }
      case 'step':
        return this.step();
      case 'stepOver': {
        const t = this.steppable();
        if (!t) return;
        const k = this.kernelOrThrow();
        const pc = k.pcOf(t);
        const word = t.proc.mem.read(pc, 4);
        if (word && isCall(new DataView(word.buffer).getUint32(0, true))) return this.runToTemp(pc + 4, this.spOf(t));
        return this.step();
      }
      case 'stepOut': {
        const t = this.steppable();
        if (!t) return;
        const x = this.kernelOrThrow().regsOf(t);
        const lr = x[61]! * 2 ** 32 + (x[60]! >>> 0);
        // once the function returns SP is back above where it is now
        return this.runToTemp(lr, this.spOf(t));
      }
      case 'runTo':
        if (!this.steppable()) return;
        return this.runToTemp(msg.address, 0);
    }
  }

  // ---------------------------------------------------------------- breakpoints and stepping

  /**
   * Gives every process's Cpu the current breakpoints. The session calls it between scheduling
   * quanta (the kernel's host pump), so a child forked in the middle of a slice has them before
   * it runs its first instruction.
   */
  sync(k: Kernel): void {
    const want = this.effective();
    for (const p of k.processes.values()) {
      const cpu = p.cpu;
      if (this.synced.get(cpu) === this.version) continue;
      this.synced.set(cpu, this.version);
      // a CPU without breakpoints that should have none keeps its decoded blocks (a forked child's)
      if (want.size === 0 && cpu.breakpoints.size === 0) continue;
      cpu.breakpoints.clear();
      for (const a of want) cpu.breakpoints.add(a);
      // blocks decoded before may run through a new breakpoint: decode them afresh
      cpu.flushBlocks();
    }
  }

  /**
   * A thread stopped at a breakpoint: why the session should pause ('breakpoint' for a user's,
   * 'step' for the temporary one reached in the right frame), or null to run on.
   */
  onBreakpoint(t: Thread): StopReason | null {
    const k = this.host.kernel()!;
    const pc = k.pcOf(t);
    const tmp = this.temp;
    if (tmp && pc === tmp.address && this.spOf(t) >= tmp.minSp) {
      this.clearTemp(k);
      return 'step';
    }
    return this.user.has(pc) ? 'breakpoint' : null;
  }

  /** Whether the user set a breakpoint at this address. */
  isUserBreakpoint(pc: number): boolean {
    return this.user.has(pc);
  }

  /** The run ended or was paused by hand: a pending step over/out is forgotten. */
  cancel(): void {
    const k = this.host.kernel();
    if (this.temp && k) this.clearTemp(k);
    this.temp = null;
  }

  private clearTemp(k: Kernel): void {
    this.temp = null;
    this.version++;
    this.sync(k);
  }

  private effective(): Set<number> {
    const s = new Set(this.user);
    if (this.temp) s.add(this.temp.address);
    return s;
  }

  private breakpoints(): BreakpointInfo[] {
    const table = this.symbols();
    return [...this.user].sort((a, b) => a - b).map((address) => ({ address, symbol: table?.describe(address) ?? null }));
  }

  private runToTemp(address: number, minSp: number): void {
    const k = this.kernelOrThrow();
    this.temp = { address, minSp };
    this.version++;
    this.sync(k);
    this.host.resume();
  }

  private step(): void {
    const t = this.steppable();
    if (!t) return;
    const k = this.kernelOrThrow();
    this.sync(k);
    k.stepInstruction(t);
    this.host.stepped();
  }

  /** The thread to step, when the session is paused and it can run. */
  private steppable(): Thread | null {
    if (!this.host.paused()) return null;
    const t = this.host.kernel()?.currentThread ?? null;
    if (!t || t.state !== ThreadState.Runnable || t.proc.stopped) return null;
    return t;
  }

  // ---------------------------------------------------------------- state

  private kernelOrThrow(): Kernel {
    const k = this.host.kernel();
    if (!k) throw new Error('no program is running');
    return k;
  }

  private needPaused(): void {
    if (!this.host.paused()) throw new Error('pause the program first');
  }

  private thread(): Thread {
    const k = this.kernelOrThrow();
    const t = k.currentThread ?? k.init.threads[0];
    if (!t) throw new Error('the program has no thread left');
    return t;
  }

  private spOf(t: Thread): number {
    const x = this.kernelOrThrow().regsOf(t);
    return x[SLOT_SP * 2 + 1]! * 2 ** 32 + (x[SLOT_SP * 2]! >>> 0);
  }

  registers(t: Thread): RegisterSnapshot {
    const k = this.kernelOrThrow();
    return registersFrom(k.regsOf(t), t.tid, k.pcOf(t));
  }

  /**
   * Puts the current thread's registers into the shared state block, its PC in the PC slot, so
   * the page can read them from shared memory (shared-state.ts). Only while the guest is stopped.
   */
  exposeState(): void {
    const k = this.host.kernel();
    const t = k?.currentThread;
    if (!k || !t) return;
    k.load(t);
    t.proc.cpu.publishPc();
  }

  /** `main+0x10` for an address of the program, or null. */
  describe(address: number): string | null {
    return this.symbols()?.describe(address) ?? null;
  }

  private setRegister(t: Thread, name: string, text: string): void {
    const k = this.kernelOrThrow();
    const x = k.regsOf(t);
    const n = name.trim().toLowerCase();
    let v: bigint;
    try {
      const s = text.trim().replace(/_/g, '');
      v = s.startsWith('-') ? -BigInt(s.slice(1)) : BigInt(s);
    } catch {
      throw new Error(`${text} is not a number`);
    }
    const set64 = (slot: number) => {
      const u = BigInt.asUintN(64, v);
      x[slot * 2] = Number(u & 0xffffffffn) | 0;
      x[slot * 2 + 1] = Number(u >> 32n) | 0;
    };
    const u32 = () => Number(BigInt.asUintN(32, v)) | 0;
    let m: RegExpMatchArray | null;
    if ((m = /^x(\d+)$/.exec(n)) && +m[1]! <= 30) set64(+m[1]!);
    else if (n === 'fp') set64(29);
    else if (n === 'lr') set64(30);
    else if (n === 'sp') set64(SLOT_SP);
    else if (n === 'tpidr' || n === 'tpidr_el0') set64(SLOT_TPIDR);
    else if (n === 'pc') {
      const pc = Number(BigInt.asUintN(64, v));
      if (pc % 4 !== 0 || pc >= 2 ** 48) throw new Error('PC must be a multiple of 4 below 2^48');
      k.setPc(t, pc);
    } else if (n === 'nzcv') {
      const f = u32();
      x[I_N] = (f >>> 31) & 1;
      x[I_Z] = (f >>> 30) & 1;
      x[I_C] = (f >>> 29) & 1;
      x[I_V] = (f >>> 28) & 1;
    } else if (n === 'fpcr') x[I_FPCR] = u32();
    else if (n === 'fpsr') x[I_FPSR] = u32();
    else if ((m = /^[vq](\d+)$/.exec(n)) && +m[1]! <= 31) {
      const bytes = new Uint8Array(x.buffer, x.byteOffset + V_BASE + 16 * +m[1]!, 16);
      let u = BigInt.asUintN(128, v);
      for (let i = 0; i < 16; i++, u >>= 8n) bytes[i] = Number(u & 0xffn);
    } else throw new Error(`unknown register ${name}`);
  }

  private readMemory(address: number, length: number): MemoryChunk {
    const mem = this.kernelOrThrow().current.mem;
    length = Math.max(0, Math.min(MAX_READ, length | 0));
    const bytes: number[] = new Array<number>(length).fill(-1);
    let a = address;
    while (a < address + length) {
      const end = Math.min(address + length, (Math.floor(a / PAGE_SIZE) + 1) * PAGE_SIZE);
      const chunk = mem.read(a, end - a);
      if (chunk) for (let i = 0; i < chunk.length; i++) bytes[a - address + i] = chunk[i]!;
      a = end;
    }
    return { address, bytes };
  }

  private mappings(): Mapping[] {
    const out: Mapping[] = [];
    for (const a of this.kernelOrThrow().current.mem.areas) {
      const perms = (a.prot & PROT_READ ? 'r' : '-') + (a.prot & PROT_WRITE ? 'w' : '-') + (a.prot & PROT_EXEC ? 'x' : '-') + (a.shared ? 's' : 'p');
      const last = out[out.length - 1];
      // areas split by lazy backing show as one line, as /proc/self/maps merges them
      if (last && last.end === a.start && last.perms === perms && last.name === a.name) last.end = a.end;
      else out.push({ start: a.start, end: a.end, perms, name: a.name });
    }
    return out;
  }

  private disassemble(address: number, before: number, count: number): DisasmLine[] {
    const mem = this.kernelOrThrow().current.mem;
    const table = this.symbols();
    const start = address - (address % 4) - 4 * Math.max(0, Math.min(MAX_DISASM, before | 0));
    const read = (a: number) => {
      if (a < 0) return null;
      const b = mem.read(a, 4);
      return b ? new DataView(b.buffer).getUint32(0, true) : null;
    };
    const n = Math.max(1, Math.min(MAX_DISASM, (before | 0) + (count | 0)));
    const symbol = table ? (a: number) => table.describe(a) : undefined;
    return disassembleRange(read, start, n, { symbol, hexPrefix: !table }).map((d) => ({
      address: d.addr,
      word: d.word,
      text: d.word === null ? '' : d.text,
      symbol: table?.describe(d.addr) ?? null,
    }));
  }

  /** A symbol's address, or a number written as 0x… or decimal; null when neither. */
  resolve(name: string): number | null {
    const s = name.trim();
    if (/^(0x[0-9a-f]+|\d+)$/i.test(s)) return Number(s);
    const table = this.symbols();
    if (!table) return null;
    const m = /^(.+?)\s*\+\s*(0x[0-9a-f]+|\d+)$/i.exec(s);
    if (m) {
      const base = table.address(m[1]!);
      return base === null ? null : base + Number(m[2]);
    }
    return table.address(s);
  }

  /** The loaded program's symbols, with the load bias of this run (PIE). */
  private symbols(): SymbolTable | null {
    const k = this.host.kernel();
    if (!k) return null;
    // one table per run (a new program means a new run); reading and parsing the file once
    const c = this.symbolsFor;
    if (c && c.kernel === k) return c.table;
    const bytes = this.host.programBytes();
    if (!bytes) return null;
    let bias = 0;
    try {
      const elf = parseElf(bytes);
      const loads = elf.phdrs.filter((p) => p.type === PT_LOAD);
      const linked = Math.min(...loads.map((p) => Math.floor(p.vaddr / PAGE_SIZE) * PAGE_SIZE));
      const exe = k.init.exe;
      const areas = k.init.mem.areas.filter((a) => a.name === exe);
      if (areas.length) bias = Math.min(...areas.map((a) => a.start)) - linked;
    } catch {
      this.symbolsFor = { kernel: k, table: null };
      return null;
    }
    const table = new SymbolTable(readSymbols(bytes), bias);
    this.symbolsFor = { kernel: k, table };
    return table;
  }
}
