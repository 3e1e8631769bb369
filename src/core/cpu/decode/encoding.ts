/**
 * The shape of one line of the encoding table and the parsing of its bit patterns.
 *
 * A pattern lists the 32 bits from bit 31 down to bit 0 as space-separated tokens:
 *   - runs of `0`/`1` are fixed bits, `-` is a bit the encoding ignores;
 *   - `name` is a one-bit field, `name:N` an N-bit field.
 * Fields reach the handler in pattern order, followed by the instruction's address.
 */
import type { Op } from '../op.js';

/** A handler builds the pre-decoded operation, or returns null when the encoding is UNDEFINED. */
export type Handler = (...fieldsThenPc: number[]) => Op | null;

/** One table line: [handler name, mnemonic, pattern, options?]. */
export type TableLine = readonly [name: string, mnemonic: string, pattern: string, options?: string];

export interface Field {
  name: string;
  lsb: number;
  width: number;
}

export interface Encoding {
  name: string;
  mnemonic: string;
  pattern: string;
  mask: number; // fixed bits (as uint32)
  value: number; // their values (as uint32)
  fields: Field[];
  /** ends a basic block (branches, exception generation) */
  ends: boolean;
  /** names of encodings this one takes priority over where their patterns overlap */
  over: string[];
  /** not implemented yet: decodes to UNDEFINED but stays visible for coverage */
  unimplemented: boolean;
}

export function parsePattern(name: string, pattern: string): { mask: number; value: number; fields: Field[] } {
  let bit = 32;
  let mask = 0;
  let value = 0;
  const fields: Field[] = [];
  for (const tok of pattern.trim().split(/\s+/)) {
    if (/^[01-]+$/.test(tok)) {
      for (const ch of tok) {
        bit--;
        if (ch !== '-') {
          mask |= 1 << bit;
          if (ch === '1') value |= 1 << bit;
        }
      }
    } else {
      const m = /^([A-Za-z_][A-Za-z0-9_]*)(?::(\d+))?$/.exec(tok);
      if (!m) throw new Error(`encoding ${name}: bad token '${tok}'`);
      const width = m[2] ? Number(m[2]) : 1;
      bit -= width;
      fields.push({ name: m[1]!, lsb: bit, width });
    }
    if (bit < 0) throw new Error(`encoding ${name}: pattern longer than 32 bits`);
  }
  if (bit !== 0) throw new Error(`encoding ${name}: pattern has ${32 - bit} bits, not 32`);
  return { mask: mask >>> 0, value: value >>> 0, fields };
}

export function makeEncoding(line: TableLine): Encoding {
  const [name, mnemonic, pattern, options = ''] = line;
  const { mask, value, fields } = parsePattern(name, pattern);
  const opts = options.split(/\s+/).filter(Boolean);
  const over: string[] = [];
  for (const o of opts) if (o.startsWith('over:')) over.push(...o.slice(5).split(','));
  return {
    name,
    mnemonic,
    pattern,
    mask,
    value,
    fields,
    ends: opts.includes('end'),
    over,
    unimplemented: opts.includes('todo'),
  };
}

/** True when some instruction word matches both encodings. */
export function overlaps(a: Encoding, b: Encoding): boolean {
  return ((a.mask & b.mask & (a.value ^ b.value)) >>> 0) === 0;
}

export function extractFields(e: Encoding, word: number): number[] {
  const out = new Array<number>(e.fields.length);
  for (let i = 0; i < e.fields.length; i++) {
    const f = e.fields[i]!;
    out[i] = f.width === 32 ? word >>> 0 : (word >>> f.lsb) & ((1 << f.width) - 1);
  }
  return out;
}
