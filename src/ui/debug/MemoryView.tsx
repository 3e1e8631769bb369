import { useCallback, useEffect, useRef, useState } from 'react';
import type { Mapping, MemoryChunk, RegisterSnapshot } from '../../worker/protocol';
import { addrText, type DebugApi, hex } from './debugApi';

/** Bytes shown at a time: 16 rows of 16, or 32 rows of 8 where the column is too narrow for 16. */
const BYTES = 256;
/** A 16-byte row in characters (8-digit address, hex, ASCII) plus the gaps, about 6 more. */
const WIDE_ROW_CHARS = 8 + 16 * 2 + 16 + 6 + 16 * 0.45;

interface Props {
  api: DebugApi;
  regs: RegisterSnapshot | null;
  editable: boolean;
  /** bumps at every stop: the view reads memory again */
  stopSeq: number;
  onError: (message: string) => void;
  /** an address to show (the trace panel's pointer arguments); `seq` tells repeated requests apart */
  jump: { address: number; seq: number } | null;
}

/** Hex and ASCII rows; go to an address, a symbol or a register; the mappings to jump between regions. */
export function MemoryView({ api, regs, editable, stopSeq, onError, jump }: Props) {
  const [address, setAddress] = useState<number | null>(null);
  const [chunk, setChunk] = useState<MemoryChunk | null>(null);
  const [maps, setMaps] = useState<Mapping[]>([]);
  const [target, setTarget] = useState('');
  const [editing, setEditing] = useState<number | null>(null);
  const perRow = useBytesPerRow();
  const rowsBox = perRow.box;

  const load = useCallback(
    (a: number) => {
      const start = Math.max(0, a - (a % 16));
      setAddress(start);
      api.readMemory(start, BYTES).then(setChunk, (e: unknown) => onError(String((e as Error).message ?? e)));
    },
    [api, onError],
  );

  // at every stop: fresh mappings, and the same address (or the stack pointer the first time)
  useEffect(() => {
    api.mappings().then(setMaps, () => setMaps([]));
    if (address !== null) load(address);
    else if (regs) load(parseInt(regs.sp, 16));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [stopSeq, api]);

  // the first stop's registers arrive after the stop: start at the stack pointer then
  useEffect(() => {
    if (address === null && jump === null && regs) load(parseInt(regs.sp, 16));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [regs]);

  useEffect(() => {
    if (jump) load(jump.address);
  }, [jump, load]);

  const go = async () => {
    const t = target.trim();
    if (!t) return;
    const reg = regs && regValue(regs, t.toLowerCase());
    if (reg !== null && reg !== undefined) return load(reg);
    const a = await api.resolve(t).catch(() => null);
    if (a === null) onError(`memory: ${t} is neither an address, a register nor a symbol`);
    else load(a);
  };

  const write = (a: number, text: string) => {
    const v = parseInt(text, 16);
    if (!/^[0-9a-f]{1,2}$/i.test(text.trim()) || Number.isNaN(v)) return onError(`memory: ${text} is not a byte in hex`);
    api.writeMemory(a, new Uint8Array([v])).then(
      () => address !== null && load(address),
      (e: unknown) => onError(`memory: ${(e as Error).message}`),
    );
  };

  return (
    <div className="memory" data-testid="memory" data-per-row={perRow.n}>
      <form
        className="debug-form"
        onSubmit={(e) => {
          e.preventDefault();
          void go();
        }}
      >
        <input
          className="mono"
          value={target}
          onChange={(e) => setTarget(e.target.value)}
          placeholder="address, symbol or register (0x4000b0, main, sp)"
          aria-label="go to address"
          data-testid="memory-goto"
        />
        <button type="submit">Go</button>
        <select
          aria-label="mappings"
          value=""
          onChange={(e) => e.target.value && load(Number(e.target.value))}
          data-testid="memory-maps"
        >
          <option value="">mappings…</option>
          {maps.map((m) => (
            <option key={m.start} value={m.start}>
              {`${hex(m.start, 8)}-${hex(m.end, 8)} ${m.perms} ${m.name}`}
            </option>
          ))}
        </select>
      </form>
      {address !== null && (
        <div className="memory-nav">
          <button type="button" onClick={() => load(Math.max(0, address - BYTES))} aria-label="previous rows">
            ▲
          </button>
          <span className="mono">{addrText(address)}</span>
          <button type="button" onClick={() => load(address + BYTES)} aria-label="next rows">
            ▼
          </button>
        </div>
      )}
      <div className={`memory-rows mono${perRow.n === 16 ? ' mem-wide' : ''}`} ref={rowsBox}>
        <span className="mem-probe" aria-hidden="true" ref={perRow.probe}>
          0000000000
        </span>
        {chunk &&
          Array.from({ length: Math.ceil(chunk.bytes.length / perRow.n) }, (_, r) => {
            const base = chunk.address + r * perRow.n;
            const row = chunk.bytes.slice(r * perRow.n, r * perRow.n + perRow.n);
            return (
              <div className="mem-row" key={base} data-testid="mem-row" data-addr={hex(base)}>
                <span className="mem-addr">{hex(base, 8)}</span>
                <span className="mem-hex">
                  {row.map((b, i) =>
                    editing === base + i ? (
                      <input
                        key={i}
                        className="mem-edit mono"
                        autoFocus
                        defaultValue={b < 0 ? '' : hex(b, 2)}
                        maxLength={2}
                        aria-label={`byte at ${addrText(base + i)}`}
                        onKeyDown={(e) => {
                          if (e.key === 'Enter') {
                            write(base + i, e.currentTarget.value);
                            setEditing(null);
                          } else if (e.key === 'Escape') setEditing(null);
                        }}
                        onBlur={() => setEditing(null)}
                      />
                    ) : (
                      <span
                        key={i}
                        className={'mem-byte' + (b < 0 ? ' mem-none' : '')}
                        data-testid="mem-byte"
                        title={editable && b >= 0 ? `${addrText(base + i)}: click to edit` : addrText(base + i)}
                        onClick={() => editable && b >= 0 && setEditing(base + i)}
                      >
                        {b < 0 ? '??' : hex(b, 2)}
                      </span>
                    ),
                  )}
                </span>
                <span className="mem-ascii">{row.map((b) => (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.')).join('')}</span>
              </div>
            );
          })}
        {!chunk && <div className="debug-empty">Pause the program, then go to an address.</div>}
      </div>
    </div>
  );
}

/**
 * 16 bytes a row when the rows' box is wide enough for them at its font, else 8: `box` and
 * `probe` (ten characters of the font) go on elements of the view.
 */
function useBytesPerRow() {
  const [n, setN] = useState(8);
  const box = useRef<HTMLDivElement>(null);
  const probe = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const measure = () => {
      const ch = (probe.current?.getBoundingClientRect().width ?? 0) / 10;
      const room = el.clientWidth - 20; // the rows' padding
      if (ch > 0 && room > 0) setN(room >= WIDE_ROW_CHARS * ch ? 16 : 8);
    };
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    measure();
    return () => observer.disconnect();
  }, []);
  return { n, box, probe };
}

/** A register's value by name (x0…x30, fp, lr, sp, pc), or null. */
function regValue(r: RegisterSnapshot, name: string): number | null {
  const m = /^x(\d+)$/.exec(name);
  const h = m && +m[1]! <= 30 ? r.x[+m[1]!]! : name === 'fp' ? r.x[29]! : name === 'lr' ? r.x[30]! : name === 'sp' ? r.sp : name === 'pc' ? r.pc : null;
  return h === null ? null : parseInt(h, 16);
}
