// Types of the fuzzer's entry points (index.js), for isa-fuzz.test.ts.

/** What the fuzzer needs from a64play (see makeEngine). */
export interface Engine {
  Cpu: unknown;
  GuestMemory: unknown;
  FAULT: { addr: number; misaligned: boolean };
  prot: { PROT_READ: number; PROT_WRITE: number; PROT_EXEC: number };
  Decoder: unknown;
  table: readonly unknown[];
  handlers: Record<string, unknown>;
  extractFields: unknown;
  Stop: Record<string, number>;
  layout: Record<string, unknown>;
}

export interface FuzzOptions {
  /** random instructions to run (setup instructions not counted) */
  count: number;
  seed: number;
  /** exercise only the table entries whose names match */
  only?: RegExp;
  /** exercise only these instruction words */
  words?: number[];
  /** random instructions per block (default 8) */
  block?: number;
  /** cases per qemu process (default 1000) */
  batch?: number;
  /** share of memory accesses placed across the window's ends (default 0.005) */
  faultRate?: number;
  /** share of blocks ending with a word a64play rejects (default 0.05) */
  rejectRate?: number;
  /** a64play blocks as decoded ops, compiled functions, or alternately (default) */
  tier?: 'cold' | 'hot' | 'mixed';
  stopOnFirst?: boolean;
  log?: (line: string) => void;
}

export interface Divergence {
  /** the table entry (system instructions: entry and operation) */
  entry: string;
  /** cases that diverged at this entry */
  count: number;
  /** the first diverging word */
  word: number;
  caseNo: number;
  /** the first divergence in full: block, disassembly, state before, both states after */
  report: string;
}

export interface CoverageEntry {
  name: string;
  mnemonic: string;
  status: 'active' | 'todo' | 'excluded' | 'filtered';
  reason: string;
  count: number;
  tries: number;
  valid: number;
  /** words decoding to the entry that its handler rejects, run to check qemu raises SIGILL too */
  rejected: number;
}

export interface FuzzResult {
  seed: number;
  instructions: number;
  cases: number;
  words: number;
  seconds: number;
  divergences: Divergence[];
  /** known differences (known.js) seen, by rule name */
  tolerated: Record<string, number>;
  harnessFailures: { stderr: string }[];
  handlerErrors: string[];
  coverage: CoverageEntry[];
}

export function fuzz(engine: Engine, opts: FuzzOptions): Promise<FuzzResult>;
export function makeEngine(modules: Record<string, unknown>): Engine;
export function coverageText(coverage: CoverageEntry[], mode?: 'full' | 'missing'): string;
/** Active entries that no run exercised. */
export function unexercised(results: { coverage: CoverageEntry[] }[]): string[];
/** Why the fuzzer cannot run here, or null. */
export function missingTools(): string | null;
export const KNOWN_DIFFERENCES: readonly { name: string; why: string }[];
