// Types of the generator (gen.js) for TypeScript users outside the fuzzer (the disassembler's tests).
import type { Encoding } from '../../src/core/cpu/decode/encoding.js';
import type { Rng } from './rng.js';

export interface GenEntry {
  enc: Encoding;
  name: string;
  /** active: implemented and generated; todo: marked todo or without a handler; excluded; filtered */
  status: 'active' | 'todo' | 'excluded' | 'filtered';
  reason: string;
}

export class Generator {
  constructor(
    engine: { Decoder: unknown; table: readonly unknown[]; handlers: Record<string, unknown>; extractFields: unknown },
    opts?: { only?: RegExp; words?: number[]; faultRate?: number; rejectRate?: number },
  );
  entries: GenEntry[];
  active: GenEntry[];
  fields(entry: GenEntry, word: number): Record<string, number>;
  setField(entry: GenEntry, word: number, name: string, v: number): number;
  /** True when `word` decodes to the entry and its handler accepts it at `pc`. */
  accepts(entry: GenEntry, word: number, pc: number): boolean;
  /** A random word of the entry with the generator's field choices applied (not yet checked). */
  randomWord(entry: GenEntry, rng: Rng): number;
}

export function mov64(rd: number, lo: number, hi: number): number[];
