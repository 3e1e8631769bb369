/**
 * One guest CPU: views over its state block in shared memory, a cache of pre-decoded basic blocks,
 * and the run loop. The CPU knows nothing of Linux: `run` returns a Stop reason.
 */
import { Decoder } from './decode/decoder.js';
import { extractFields, type Encoding } from './decode/encoding.js';
import { table } from './decode/table.js';
import { handlers } from './exec/index.js';
import { I_C, I_N, I_V, I_Z, SLOT_PC, SLOT_SP, SLOT_TPIDR, STATE_BYTES, V_BASE } from './layout.js';
import { type InlineOp, Stop, type Op, type StopReason } from './op.js';
import { FAULT, type GuestMemory, PAGE_SIZE } from '../memory/memory.js';

const TWO32 = 4294967296;
const MAX_BLOCK = 64;
/**
 * Runs through the op loop before a block gets its own generated function. A generated function
 * costs a parse and starts in V8's interpreter, so only blocks that stay hot repay it: against
 * 2,000, 10,000 took a Go program (buf lint) from 9.5 to 7.5 s and Python's start from 1.5 to
 * 1.2 s, with tight loops (npm run bench) unchanged.
 */
const HOT_BLOCK = 10_000;
/** Size - 1 of the direct-mapped block cache. */
const FAST_MASK = 4095;

type BlockFn = (c: Cpu) => void;

/**
 * Builds `function (c) { ...; op1(c); ... }` for a hot block: ops that carry an inline source
 * (op.ts) are pasted in, the others called. Each block gets its own function (and so its own type
 * feedback): every call site sees a single target, which V8 can inline. On a fault the index of
 * the faulting op is left in `c.faultIndex`.
 */
function compileBlock(ops: Op[]): BlockFn {
  const n = ops.length;
  const params = ops.map((_, i) => `o${i}`);
  let body = 'const x = c.x;\nlet i = 0;\ntry {\n';
  for (let i = 0; i < n; i++) {
    const { src, faults } = ops[i] as InlineOp;
    // only ops that may fault need to leave their index for fault reporting
    if (src === undefined) body += `i = ${i}; o${i}(c);\n`;
    else body += (faults ? `i = ${i}; ` : '') + src.replaceAll('$op', `o${i}`) + '\n';
  }
  body += '} catch (e) { c.faultIndex = i; throw e; }';
  const make = new Function(...params, `return function block(c) {\n${body}\n};`) as (...ops: Op[]) => BlockFn;
  return make(...ops);
}

export interface Block {
  start: number;
  ops: Op[];
  /** guest instructions in the block (ops minus a synthetic fall-through op) */
  count: number;
  valid: boolean;
  /** times run through the op loop; at HOT_BLOCK the block is compiled into `fn` */
  hits: number;
  /** the block's ops called from one generated function (see compileBlock) */
  fn: BlockFn | null;
  /** two-entry cache of successor blocks */
  s0pc: number;
  s0: Block | null;
  s1pc: number;
  s1: Block | null;
}

let sharedDecoder: Decoder | null = null;
export function decoder(): Decoder {
  return (sharedDecoder ??= new Decoder(table));
}

const undefinedOp: Op = (c) => {
  c.stop = Stop.Undefined;
};

export class Cpu {
  /** General registers as int32 halves (see layout.ts); also flags and FPCR/FPSR words. */
  readonly x: Int32Array;
  /** The V registers' bytes, and typed views of them (all over the same state block). */
  readonly vu8: Uint8Array;
  readonly vi32: Int32Array;
  readonly vf32: Float32Array;
  readonly vf64: Float64Array;
  readonly vu16: Uint16Array;
  /** physical offset of this CPU's state block (V registers at stateBase + V_BASE) */
  readonly stateBase: number;

  /** Address of the next instruction to run (exact as a double: user addresses are < 2^48). */
  pc = 0;
  /** Set by block-ending ops: where execution continues. */
  npc = 0;
  /** Set by ops that stop the run loop. */
  stop: StopReason = Stop.None;
  stopInfo = 0;
  /** Guest instructions retired. */
  icount = 0;
  /** Set by a compiled block when one of its ops faults: the op's index in the block. */
  faultIndex = 0;
  /** Monotonic time in nanoseconds for CNTVCT_EL0; hosts may replace it. */
  clockNs: () => number = () => Date.now() * 1e6;
  /**
   * Called with each block when it is decoded (its first address and instruction words): a log
   * of the code as it is first reached, like qemu's `-d in_asm`. Decoding only, not the hot path.
   */
  onTranslate: ((start: number, words: number[]) => void) | null = null;

  private readonly blocks = new Map<number, Block>();
  private readonly pageBlocks = new Map<number, Block[]>();
  /** recently looked-up blocks by pc (see lookup) */
  private readonly fast: (Block | null)[] = new Array<Block | null>(FAST_MASK + 1).fill(null);
  readonly breakpoints = new Set<number>();

  constructor(
    readonly mem: GuestMemory,
    stateBase: number,
  ) {
    this.stateBase = stateBase;
    const buf = mem.backing.buffer;
    this.x = new Int32Array(buf, stateBase, STATE_BYTES / 4);
    this.vu8 = new Uint8Array(buf, stateBase + V_BASE, 512);
    this.vi32 = new Int32Array(buf, stateBase + V_BASE, 128);
    this.vf32 = new Float32Array(buf, stateBase + V_BASE, 128);
    this.vf64 = new Float64Array(buf, stateBase + V_BASE, 64);
    this.vu16 = new Uint16Array(buf, stateBase + V_BASE, 256);
    const prev = mem.onCodeWrite;
    mem.onCodeWrite = (page) => {
      prev(page);
      this.invalidatePage(page);
    };
  }

  // ------------------------------------------------------------------ register access for hosts

  getX(n: number): number {
    return this.x[n * 2 + 1]! * TWO32 + (this.x[n * 2]! >>> 0);
  }
  setX(n: number, v: number): void {
    this.x[n * 2] = v % TWO32 | 0;
    this.x[n * 2 + 1] = Math.floor(v / TWO32) | 0;
  }
  get sp(): number {
    return this.getX(SLOT_SP);
  }
  set sp(v: number) {
    this.setX(SLOT_SP, v);
  }
  get tpidr(): number {
    return this.getX(SLOT_TPIDR);
  }
  set tpidr(v: number) {
    this.setX(SLOT_TPIDR, v);
  }
  get nzcv(): number {
    const x = this.x;
    return ((x[I_N]! << 31) | (x[I_Z]! << 30) | (x[I_C]! << 29) | (x[I_V]! << 28)) >>> 0;
  }
  set nzcv(v: number) {
    const x = this.x;
    x[I_N] = (v >>> 31) & 1;
    x[I_Z] = (v >>> 30) & 1;
    x[I_C] = (v >>> 29) & 1;
    x[I_V] = (v >>> 28) & 1;
  }
  /** Copies pc into the state block so other threads can read it. */
  publishPc(): void {
    this.setX(SLOT_PC, this.pc);
  }

  // ------------------------------------------------------------------ blocks

  private invalidatePage(page: number): void {
    const list = this.pageBlocks.get(page);
    if (!list) return;
    for (const b of list) {
      b.valid = false;
      this.blocks.delete(b.start);
    }
    this.pageBlocks.delete(page);
  }

  /** Drops decoded blocks on the pages of [addr, addr+len) (after munmap/mprotect/mmap there). */
  flushBlocksIn(addr: number, len: number): void {
    const first = Math.floor(addr / PAGE_SIZE);
    const last = Math.floor((addr + Math.max(len, 1) - 1) / PAGE_SIZE);
    if (last - first > this.pageBlocks.size) {
      for (const page of [...this.pageBlocks.keys()]) if (page >= first && page <= last) this.invalidatePage(page);
    } else for (let pg = first; pg <= last; pg++) this.invalidatePage(pg);
  }

  /** Drops every decoded block (after munmap/mprotect of code, or exec). */
  flushBlocks(): void {
    for (const b of this.blocks.values()) b.valid = false;
    this.blocks.clear();
    this.pageBlocks.clear();
  }

  /** Decodes one instruction into an op (used by the block builder and single-stepping). */
  decodeAt(addr: number, word: number): { op: Op; enc: Encoding | undefined; ends: boolean } {
    const enc = decoder().decode(word);
    if (!enc || enc.unimplemented) return { op: undefinedOp, enc, ends: true };
    const h = handlers[enc.name];
    if (!h) return { op: undefinedOp, enc, ends: true };
    const fields = extractFields(enc, word);
    fields.push(addr);
    const op = h(...fields);
    if (!op) return { op: undefinedOp, enc, ends: true };
    return { op, enc, ends: enc.ends };
  }

  private buildBlock(pc: number, maxLen: number): Block {
    const ops: Op[] = [];
    const pageEnd = (Math.floor(pc / PAGE_SIZE) + 1) * PAGE_SIZE;
    let addr = pc;
    let ended = false;
    const words: number[] | null = this.onTranslate ? [] : null;
    while (ops.length < maxLen && addr < pageEnd) {
      if (ops.length > 0 && this.breakpoints.has(addr)) break;
      const word = this.mem.fetch32(addr); // throws FAULT only for the first word of a page
      words?.push(word);
      const d = this.decodeAt(addr, word);
      ops.push(d.op);
      addr += 4;
      if (d.ends) {
        if (d.op === undefinedOp) {
          const at = addr - 4;
          ops[ops.length - 1] = (c) => {
            c.stop = Stop.Undefined;
            c.npc = at;
          };
        }
        ended = true;
        break;
      }
    }
    if (!ended) {
      const next = addr;
      ops.push((c) => {
        c.npc = next;
      });
    }
    // the synthetic fall-through op is not a guest instruction
    const count = ended ? ops.length : ops.length - 1;
    if (words) this.onTranslate!(pc, words);
    return { start: pc, ops, count, valid: true, hits: 0, fn: null, s0pc: -1, s0: null, s1pc: -1, s1: null };
  }

  private lookup(pc: number): Block {
    // a direct-mapped cache in front of the map: interpreters' computed gotos (python, lua) jump
    // indirectly to many targets, which the two successor slots cannot hold
    const slot = (pc >>> 2) & FAST_MASK;
    const f = this.fast[slot]!;
    if (f !== null && f.start === pc && f.valid) return f;
    let b = this.blocks.get(pc);
    if (b === undefined) {
      b = this.buildBlock(pc, MAX_BLOCK);
      this.blocks.set(pc, b);
      const page = Math.floor(pc / PAGE_SIZE);
      this.mem.markCode(page);
      let list = this.pageBlocks.get(page);
      if (!list) this.pageBlocks.set(page, (list = []));
      list.push(b);
    }
    this.fast[slot] = b;
    return b;
  }

  /**
   * Runs up to about `budget` instructions (whole blocks). Returns why it stopped; `pc` is then
   * the instruction to resume at (or the faulting/undefined/breakpoint instruction).
   */
  run(budget: number): StopReason {
    let pc = this.pc;
    if (pc % 4 !== 0) return Stop.PcAlign;
    let b: Block;
    try {
      b = this.lookup(pc);
    } catch (e) {
      if (e === FAULT) return Stop.Fault;
      throw e;
    }
    const checkBreakpoints = this.breakpoints.size !== 0;
    // instructions retired by this call; added to icount on the way out
    let done = 0;
    for (;;) {
      const ops = b.ops;
      const fn = b.fn;
      if (fn !== null) {
        try {
          fn(this);
        } catch (e) {
          if (e === FAULT) {
            this.pc = b.start + this.faultIndex * 4;
            this.icount += done + this.faultIndex;
            return Stop.Fault;
          }
          throw e;
        }
      } else {
        if (++b.hits === HOT_BLOCK) b.fn = compileBlock(ops);
        const n = ops.length;
        let i = 0;
        try {
          for (; i < n; i++) ops[i]!(this);
        } catch (e) {
          if (e === FAULT) {
            this.pc = b.start + i * 4;
            this.icount += done + i;
            return Stop.Fault;
          }
          throw e;
        }
      }
      done += b.count;
      pc = this.npc;
      const s = this.stop;
      if (s !== Stop.None) {
        this.stop = Stop.None;
        this.pc = pc;
        this.icount += s === Stop.Undefined || s === Stop.Brk ? done - 1 : done;
        return s;
      }
      let nb: Block;
      if (b.s0pc === pc && b.s0!.valid) nb = b.s0!;
      else if (b.s1pc === pc && b.s1!.valid) nb = b.s1!;
      else {
        // only indirect branches can produce a misaligned target, and those miss the cache
        if (pc % 4 !== 0) {
          this.pc = pc;
          this.icount += done;
          return Stop.PcAlign;
        }
        try {
          nb = this.lookup(pc);
        } catch (e) {
          if (e === FAULT) {
            this.pc = pc;
            this.icount += done;
            return Stop.Fault;
          }
          throw e;
        }
        if (b.s0 === null || !b.s0.valid) {
          b.s0pc = pc;
          b.s0 = nb;
        } else {
          b.s1pc = pc;
          b.s1 = nb;
        }
      }
      if (done >= budget) {
        this.pc = pc;
        this.icount += done;
        return Stop.Budget;
      }
      if (checkBreakpoints && this.breakpoints.has(pc)) {
        this.pc = pc;
        this.icount += done;
        return Stop.Breakpoint;
      }
      b = nb;
    }
  }

  /** Executes exactly one instruction (for debuggers), ignoring breakpoints at pc. */
  step(): StopReason {
    const pc = this.pc;
    let op: Op;
    try {
      const d = this.decodeAt(pc, this.mem.fetch32(pc));
      op = d.op === undefinedOp ? (c) => { c.stop = Stop.Undefined; c.npc = pc; } : d.op;
      this.npc = pc + 4;
      op(this);
    } catch (e) {
      if (e === FAULT) return Stop.Fault;
      throw e;
    }
    this.icount++;
    this.pc = this.npc;
    const s = this.stop;
    if (s !== Stop.None) {
      this.stop = Stop.None;
      if (s === Stop.Undefined || s === Stop.Brk) this.icount--;
      return s;
    }
    return Stop.Budget;
  }
}
