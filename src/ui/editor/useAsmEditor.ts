import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { LineEntry } from '../../core/asm/assembler/assemble';
import type { RunConfig } from '../../worker/protocol';
import type { Breakpoints } from '../debug/useBreakpoints';
import type { EngineClient } from '../engine/client';
import type { SessionControls } from '../engine/useSession';
import { examplesJson, examplesUrl } from '../examples/examples';
import { assembleSafely, lineAt, useAssembly } from './useAssembly';

/** An assembly starter of the gallery (public/examples/asm/index.json). */
export interface AsmStarter {
  name: string;
  title: string;
  description: string;
  /** the source, relative to examples/ */
  source: string;
}

const starters = examplesJson<{ starters: AsmStarter[] }>('asm/index.json');
export const loadAsmStarters = (): Promise<AsmStarter[]> => starters().then((d) => d.starters);

export async function fetchStarter(s: AsmStarter): Promise<string> {
  const r = await fetch(examplesUrl(s.source));
  if (!r.ok) throw new Error(`examples/${s.source}: HTTP ${r.status}`);
  return r.text();
}

/** The first instruction at or after `line` in a line table (where a debugger puts a breakpoint). */
function instructionFrom(lines: LineEntry[], line: number): { line: number; addr: number } | null {
  let best: LineEntry | null = null;
  for (const l of lines) if (l.line >= line && (!best || l.line < best.line || (l.line === best.line && l.addr < best.addr))) best = l;
  return best && { line: best.line, addr: best.addr };
}

/** The document in the editor. */
export interface AsmDoc {
  name: string;
  source: string;
  /** counts the times the text was set from outside the editor (opened, reverted) */
  revision: number;
}

let revisions = 0;

const STORE = 'a64play.asm';

interface Stored {
  /** the file shown when the editor was last open, or null when it was closed */
  current: string | null;
  /** every file's latest text, so switching starters never loses an edit */
  files: Record<string, string>;
}

function readStore(): Stored {
  try {
    const s = JSON.parse(localStorage.getItem(STORE) ?? 'null') as Stored | null;
    if (s && typeof s.files === 'object') return { current: s.current ?? null, files: s.files };
  } catch {
    // a damaged entry starts afresh
  }
  return { current: null, files: {} };
}

function writeStore(s: Stored): void {
  try {
    localStorage.setItem(STORE, JSON.stringify(s));
  } catch {
    // storage full or refused: the text stays in the page
  }
}

/** A new file's text. */
export const NEW_FILE = `// A new A64 program. Ctrl+Enter (or Assemble & Run) builds and runs it.
        .text
        .global _start
_start:
        mov     x0, #0          // exit status
        mov     x8, #93         // exit
        svc     #0
`;

/**
 * The assembly editor's state: the document (kept in localStorage, every file's latest text), its
 * assembly for squiggles, Assemble & Run, the line of the paused program's PC, and the breakpoints
 * of the editor's gutter, which are the page's breakpoints seen through the line table.
 */
export function useAsmEditor(client: EngineClient | null, session: SessionControls, bp: Breakpoints) {
  const [doc, setDoc] = useState<AsmDoc | null>(() => {
    const s = readStore();
    return s.current !== null && s.files[s.current] !== undefined ? { name: s.current, source: s.files[s.current]!, revision: ++revisions } : null;
  });
  useEffect(() => {
    const s = readStore();
    if (doc) s.files[doc.name] = doc.source;
    s.current = doc?.name ?? null;
    writeStore(s);
  }, [doc]);

  const result = useAssembly(doc?.source ?? '');
  /** the build that was last run: its program name and line table */
  const [built, setBuilt] = useState<{ program: string; lines: LineEntry[] } | null>(null);
  const [loaded, setLoaded] = useState<string | null>(null);
  const [pc, setPc] = useState<number | null>(null);
  /** gutter lines before the program is built (after, they follow the page's breakpoints) */
  const [pendingLines, setPendingLines] = useState<Set<number>>(new Set());

  useEffect(() => {
    if (!client) return;
    const offs = [
      client.on('loaded', (p) => setLoaded(p.name)),
      client.on('stopped', (s) => setPc(s.pc)),
      client.on('state', (s) => {
        if (s.state !== 'paused') setPc(null);
      }),
    ];
    return () => offs.forEach((off) => off());
  }, [client]);

  /** the build on screen is the program the engine has */
  const live = built !== null && loaded === built.program;
  const currentLine = live && pc !== null ? lineAt(built.lines, pc) : null;
  const breakpointLines = useMemo(() => {
    if (!live) return pendingLines;
    const out = new Set<number>();
    for (const b of bp.list) {
      const line = lineAt(built.lines, b.address);
      if (line !== null) out.add(line);
    }
    return out;
  }, [live, built, bp.list, pendingLines]);

  // the latest state, for callbacks that must not change on every keystroke
  const state = useRef({ doc, breakpointLines, live, built });
  state.current = { doc, breakpointLines, live, built };

  const toggleBreakpoint = useCallback(
    (line: number) => {
      const { live: isLive, built: b } = state.current;
      if (isLive && b) {
        const at = instructionFrom(b.lines, line);
        if (at) void bp.toggle(at.addr);
        return;
      }
      setPendingLines((old) => {
        const next = new Set(old);
        if (next.has(line)) next.delete(line);
        else next.add(line);
        return next;
      });
    },
    [bp],
  );

  /**
   * Assembles the document (or `given`, a document just opened) and loads the program; `autorun`
   * runs it too (Assemble & Run).
   */
  const run = useCallback(
    async (config: RunConfig, autorun = true, given?: { name: string; source: string }) => {
      const d = given ?? state.current.doc;
      if (!client || !d) return;
      const r = await assembleSafely(d.source);
      const errors = r.diagnostics.filter((x) => x.severity === 'error');
      if (!r.elf) {
        const first = errors[0];
        session.showError(
          `${d.name}: ${errors.length} error${errors.length === 1 ? '' : 's'}, nothing was run` + (first ? ` — line ${first.line}: ${first.message}` : ''),
        );
        return;
      }
      const program = d.name.replace(/\.(s|S|asm)$/, '') || 'program';
      // the gutter's lines become addresses of the new build
      const addresses: number[] = [];
      const lines = new Set<number>();
      for (const line of given ? [] : state.current.breakpointLines) {
        const at = instructionFrom(r.lines, line);
        if (at) {
          addresses.push(at.addr);
          lines.add(at.line);
        }
      }
      setPendingLines(lines);
      setBuilt({ program, lines: r.lines });
      void bp.update(addresses);
      session.dismissError();
      client.load(program, r.elf, config, autorun);
    },
    [client, session, bp],
  );

  const download = useCallback(async () => {
    const d = state.current.doc;
    if (!d) return;
    const r = await assembleSafely(d.source);
    if (!r.elf) {
      session.showError(`${d.name} has errors: fix them to download the program`);
      return;
    }
    const a = document.createElement('a');
    a.href = URL.createObjectURL(new Blob([r.elf as BlobPart], { type: 'application/octet-stream' }));
    a.download = d.name.replace(/\.(s|S|asm)$/, '') || 'program';
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
  }, [session]);

  const open = useCallback((name: string, source: string) => {
    setPendingLines(new Set());
    setDoc({ name, source, revision: ++revisions });
  }, []);

  /** A starter: its saved edits when there are some, else its text from the site. */
  const openStarter = useCallback(
    async (s: AsmStarter) => {
      const name = s.source.slice(s.source.lastIndexOf('/') + 1);
      const saved = readStore().files[name];
      try {
        open(name, saved ?? (await fetchStarter(s)));
      } catch (e) {
        session.showError(`The starter ${s.title} could not be loaded: ${e instanceof Error ? e.message : String(e)}`);
      }
    },
    [open, session],
  );

  /** Back to the starter's text (the edits are dropped). */
  const revert = useCallback(
    async (s: AsmStarter) => {
      try {
        const text = await fetchStarter(s);
        setDoc((d) => (d ? { ...d, source: text, revision: ++revisions } : d));
      } catch (e) {
        session.showError(`The starter could not be loaded: ${e instanceof Error ? e.message : String(e)}`);
      }
    },
    [session],
  );

  const edit = useCallback((source: string) => setDoc((d) => (d && d.source !== source ? { ...d, source } : d)), []);
  const close = useCallback(() => setDoc(null), []);
  const newFile = useCallback(() => {
    const files = readStore().files;
    let n = 1;
    while (files[`program${n === 1 ? '' : n}.s`] !== undefined) n++;
    open(`program${n === 1 ? '' : n}.s`, NEW_FILE);
  }, [open]);

  return { doc, result, edit, open, openStarter, revert, close, newFile, run, download, currentLine, breakpointLines, toggleBreakpoint, live };
}

export type AsmEditor = ReturnType<typeof useAsmEditor>;
