import { useEffect, useRef, useState } from 'react';
import type { EngineClient } from '../engine/client';

/** Lines the page keeps; older ones are dropped (and counted). */
export const TRACE_KEEP = 20_000;

export interface TraceView {
  lines: readonly string[];
  /** lines of this run left out (the worker's per-slice cap and this cap) */
  dropped: number;
  /** changes whenever lines change */
  version: number;
}

/**
 * The current run's syscall trace, from the client's `syscalls` reports: emptied when a run
 * starts, capped at TRACE_KEEP lines, re-rendered at most once per animation frame.
 */
export function useTrace(client: EngineClient | null): TraceView {
  const store = useRef({ lines: [] as string[], dropped: 0 });
  const [version, setVersion] = useState(0);
  useEffect(() => {
    if (!client) return;
    let frame = 0;
    const changed = () => {
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        setVersion((v) => v + 1);
      });
    };
    const offs = [
      client.on('started', () => {
        store.current = { lines: [], dropped: 0 };
        changed();
      }),
      client.on('syscalls', (lines, dropped) => {
        const s = store.current;
        s.dropped += dropped;
        for (const l of lines) s.lines.push(l);
        const extra = s.lines.length - TRACE_KEEP;
        if (extra > 0) {
          s.lines.splice(0, extra);
          s.dropped += extra;
        }
        changed();
      }),
    ];
    return () => {
      offs.forEach((off) => off());
      if (frame) cancelAnimationFrame(frame);
    };
  }, [client]);
  return { lines: store.current.lines, dropped: store.current.dropped, version };
}

const NAME = /^\d+ ([a-z_0-9]+)\(/;
const IDENT = /^[a-z_][a-z_0-9]*$/;

/** The syscall's name in a -strace line ("1000 write(1,…) = 14" → "write"), or null. */
export function syscallName(line: string): string | null {
  return NAME.exec(line)?.[1] ?? null;
}

/**
 * A filter for trace lines. Comma-separated syscall names ("read,write") match those syscalls
 * exactly when at least one of the names occurs in `lines`; anything else matches as a
 * case-insensitive substring of the whole line.
 */
export function traceFilter(text: string, lines: readonly string[]): ((line: string) => boolean) | null {
  const t = text.trim();
  if (!t) return null;
  const terms = t.split(',').map((s) => s.trim()).filter(Boolean);
  if (terms.length && terms.every((s) => IDENT.test(s))) {
    const names = new Set(terms);
    if (lines.some((l) => names.has(syscallName(l) ?? ''))) return (l) => names.has(syscallName(l) ?? '');
  }
  const needle = t.toLowerCase();
  return (l) => l.toLowerCase().includes(needle);
}
