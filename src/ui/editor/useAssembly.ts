import { useEffect, useMemo, useState } from 'react';
import type { AsmOutput } from '../../core/asm/assembler/assemble';

/** The assembler, loaded on first use (it is not part of the page's first download). */
let assembler: Promise<typeof import('../../core/asm/assembler/assemble')> | null = null;
const loadAssembler = () => (assembler ??= import('../../core/asm/assembler/assemble'));

/** How long typing must pause before the source is assembled again for its squiggles. */
const SETTLE_MS = 250;

/**
 * The source assembled as the user types (after a short pause), for the editor's squiggles; the
 * last result stays until the next one is ready. Small programs assemble in a few milliseconds.
 */
export function useAssembly(source: string): AsmOutput | null {
  const [result, setResult] = useState<AsmOutput | null>(null);
  useEffect(() => {
    let current = true;
    const t = setTimeout(() => void assembleSafely(source).then((r) => current && setResult(r)), SETTLE_MS);
    return () => {
      current = false;
      clearTimeout(t);
    };
  }, [source]);
  return result;
}

/** The assembler never throws at a user's text; if it did (a bug), that becomes a message at line 1. */
export async function assembleSafely(source: string): Promise<AsmOutput> {
  try {
    return (await loadAssembler()).assemble(source);
  } catch (e) {
    return {
      ok: false,
      diagnostics: [{ line: 1, col: 1, severity: 'error', message: `internal assembler error: ${e instanceof Error ? e.message : String(e)}` }],
      elf: null,
      entry: 0,
      sections: [],
      symbols: [],
      lines: [],
    };
  }
}

/** The source line of an address, from the line table (null when the address is not an instruction of it). */
export function lineAt(lines: AsmOutput['lines'], addr: number): number | null {
  let lo = 0;
  let hi = lines.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const a = lines[mid]!.addr;
    if (a === addr) return lines[mid]!.line;
    if (a < addr) lo = mid + 1;
    else hi = mid - 1;
  }
  return null;
}

/** The first instruction address of each source line. */
export function lineAddresses(lines: AsmOutput['lines']): Map<number, number> {
  const out = new Map<number, number>();
  for (const l of lines) if (!out.has(l.line)) out.set(l.line, l.addr);
  return out;
}

export function useLineAddresses(result: AsmOutput | null): Map<number, number> {
  return useMemo(() => lineAddresses(result?.lines ?? []), [result]);
}
