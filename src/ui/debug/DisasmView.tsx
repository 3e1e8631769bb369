import { useEffect, useRef, useState } from 'react';
import type { BreakpointInfo, DisasmLine } from '../../worker/protocol';
import { addrText, type DebugApi, hex } from './debugApi';

interface Props {
  api: DebugApi;
  pc: number | null;
  stopSeq: number;
  breakpoints: BreakpointInfo[];
  onToggle: (address: number) => void;
  onSymbol: (name: string) => void;
  onRemove: (address: number) => void;
  cursor: number | null;
  onCursor: (address: number) => void;
}

const BEFORE = 12;
const COUNT = 40;

/** Instructions around PC with symbol names; the gutter toggles breakpoints, a click picks the cursor. */
export function DisasmView({ api, pc, stopSeq, breakpoints, onToggle, onSymbol, onRemove, cursor, onCursor }: Props) {
  const [lines, setLines] = useState<DisasmLine[]>([]);
  const [symbol, setSymbol] = useState('');
  const current = useRef<HTMLDivElement | null>(null);
  useEffect(() => {
    if (pc === null) return;
    // keep the listing when PC is still well inside it, so stepping does not make it jump
    const inside = lines.length > 0 && pc >= lines[4]!.address && pc <= lines[lines.length - 6]!.address;
    const start = inside ? lines[0]!.address : pc - BEFORE * 4;
    api.disassemble(start, 0, COUNT).then(setLines, () => setLines([]));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [pc, stopSeq, api]);
  // PC's line in the middle when it is out of sight (stepping within the view does not scroll it)
  useEffect(() => {
    const line = current.current;
    const box = line?.closest('.disasm-lines');
    if (!line || !box) return;
    const l = line.getBoundingClientRect();
    const b = box.getBoundingClientRect();
    if (l.top < b.top || l.bottom > b.bottom) {
      line.scrollIntoView({ block: 'center' });
      // then the top row whole: a row cut in half at the top shows nothing useful
      const first = [...box.querySelectorAll('.dis-line, .dis-label')].find((el) => el.getBoundingClientRect().bottom > b.top);
      const cut = first ? first.getBoundingClientRect().top - b.top : 0;
      if (cut < 0) box.scrollTop += cut;
    }
  }, [lines, pc]);
  const bps = new Set(breakpoints.map((b) => b.address));

  return (
    <div className="disasm" data-testid="disasm">
      <form
        className="debug-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (symbol.trim()) onSymbol(symbol.trim());
          setSymbol('');
        }}
      >
        <input
          className="mono"
          value={symbol}
          onChange={(e) => setSymbol(e.target.value)}
          placeholder="breakpoint at symbol or address (main, 0x400100)"
          aria-label="breakpoint at symbol"
          data-testid="breakpoint-input"
        />
        <button type="submit">Add</button>
      </form>
      {breakpoints.length > 0 && (
        <ul className="bp-list" aria-label="breakpoints">
          {breakpoints.map((b) => (
            <li key={b.address} className="mono">
              <span className="bp-dot" aria-hidden="true" />
              {addrText(b.address)}
              {b.symbol && <span className="dis-sym"> &lt;{b.symbol}&gt;</span>}
              <button type="button" onClick={() => onRemove(b.address)} aria-label={`remove breakpoint at ${addrText(b.address)}`}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="disasm-lines mono">
        {pc === null && <div className="debug-empty">Pause the program to see the code around PC.</div>}
        {pc !== null &&
          lines.map((l) => {
            const isPc = l.address === pc;
            const label = l.symbol && !l.symbol.includes('+') ? l.symbol : null;
            return (
              <div key={l.address}>
                {label && <div className="dis-label">&lt;{label}&gt;:</div>}
                <div
                  ref={isPc ? current : undefined}
                  className={'dis-line' + (isPc ? ' dis-pc' : '') + (cursor === l.address ? ' dis-cursor' : '')}
                  data-testid="disasm-line"
                  data-addr={addrText(l.address)}
                  data-current={isPc ? 'true' : undefined}
                  onClick={() => onCursor(l.address)}
                >
                  <button
                    type="button"
                    className={'dis-gutter' + (bps.has(l.address) ? ' dis-bp' : '')}
                    aria-label={`${bps.has(l.address) ? 'remove' : 'set'} breakpoint at ${addrText(l.address)}`}
                    data-testid="disasm-gutter"
                    onClick={(e) => {
                      e.stopPropagation();
                      onToggle(l.address);
                    }}
                  />
                  <span className="dis-addr">{hex(l.address, 8)}</span>
                  <span className="dis-word">{l.word === null ? '' : hex(l.word, 8)}</span>
                  <span className="dis-text">{l.word === null ? '(unmapped)' : l.text}</span>
                </div>
              </div>
            );
          })}
      </div>
    </div>
  );
}
