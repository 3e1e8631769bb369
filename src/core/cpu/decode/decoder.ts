/**
 * The decoder, built once from the encoding table: instruction words are bucketed by their top
 * eleven bits and matched against each candidate's fixed bits. Encodings that overlap must declare
 * which wins (`over:NAME`); `checkOverlaps` reports any pair that does not.
 */
import { type Encoding, makeEncoding, overlaps, type TableLine } from './encoding.js';

export class Decoder {
  readonly encodings: Encoding[];
  private readonly buckets: Encoding[][] = [];

  constructor(lines: readonly TableLine[]) {
    this.encodings = lines.map(makeEncoding);
    // Entries that take priority over others come first in every bucket.
    const ordered = orderByPriority(this.encodings);
    for (let top = 0; top < 2048; top++) {
      const w = top << 21;
      const list: Encoding[] = [];
      for (const e of ordered) {
        const m = e.mask & 0xffe00000;
        if (((w ^ e.value) & m) >>> 0 === 0) list.push(e);
      }
      this.buckets.push(list);
    }
  }

  decode(word: number): Encoding | undefined {
    const list = this.buckets[word >>> 21]!;
    for (let i = 0; i < list.length; i++) {
      const e = list[i]!;
      if (((word & e.mask) >>> 0) === e.value) return e;
    }
    return undefined;
  }

  /** Pairs of encodings that overlap with no declared priority. */
  checkOverlaps(): [string, string][] {
    const bad: [string, string][] = [];
    const es = this.encodings;
    for (let i = 0; i < es.length; i++)
      for (let j = i + 1; j < es.length; j++) {
        const a = es[i]!;
        const b = es[j]!;
        if (overlaps(a, b) && !a.over.includes(b.name) && !b.over.includes(a.name)) bad.push([a.name, b.name]);
      }
    return bad;
  }
}

function orderByPriority(es: Encoding[]): Encoding[] {
  // Depth in the "over" relation: an entry that overrides another sorts before it.
  const byName = new Map(es.map((e) => [e.name, e]));
  const depth = new Map<string, number>();
  const visit = (e: Encoding, seen: Set<string>): number => {
    const known = depth.get(e.name);
    if (known !== undefined) return known;
    if (seen.has(e.name)) throw new Error(`encoding priority cycle at ${e.name}`);
    seen.add(e.name);
    let d = 0;
    for (const o of e.over) {
      const oe = byName.get(o);
      if (!oe) throw new Error(`encoding ${e.name} is declared over unknown ${o}`);
      d = Math.max(d, visit(oe, seen) + 1);
    }
    depth.set(e.name, d);
    return d;
  };
  for (const e of es) visit(e, new Set());
  return [...es].sort((a, b) => depth.get(b.name)! - depth.get(a.name)!);
}
