import type { Cpu } from './cpu.js';

/** A pre-decoded instruction: a closure over its decoded fields, run against a CPU. */
export type Op = (c: Cpu) => void;

/** Why `Cpu.run` returned. The kernel maps these to syscalls and signals. */
export const Stop = {
  None: 0,
  /** the instruction budget ran out */
  Budget: 1,
  /** SVC #imm: `Cpu.pc` is the next instruction */
  Svc: 2,
  /** BRK #imm: `Cpu.pc` is the BRK, `Cpu.stopInfo` its immediate */
  Brk: 3,
  /** UNDEFINED encoding at `Cpu.pc` */
  Undefined: 4,
  /** memory fault at `Cpu.pc`; details in memory's FAULT */
  Fault: 5,
  /** a debugger breakpoint at `Cpu.pc` */
  Breakpoint: 6,
  /** branch to a misaligned PC (`Cpu.pc` holds the bad target) */
  PcAlign: 7,
  /** SP misaligned on an SP-based access */
  SpAlign: 8,
} as const;
export type StopReason = (typeof Stop)[keyof typeof Stop];

/**
 * Some ops also carry their meaning as JavaScript statements (`src`, over `c` the Cpu and `x` its
 * register words, with every decoded field already a literal), so a hot block can be compiled into
 * straight-line code instead of calls. The closure and the source must agree; inline-op tests run
 * both on random instances of each such encoding.
 */
/**
 * A source may name its own closure as `$op` (e.g. to inline only a fast path and call the closure
 * for everything else).
 */
export interface InlineOp extends Op {
  src?: string;
  /** the source may throw a memory FAULT (the block then records which op it was) */
  faults?: boolean;
}

export function withSource<T extends Op>(op: T, src: string, faults = false): T {
  (op as InlineOp).src = src;
  if (faults) (op as InlineOp).faults = true;
  return op;
}
