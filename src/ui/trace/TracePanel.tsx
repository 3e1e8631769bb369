import { memo, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { traceFilter, type TraceView } from './useTrace';
import './trace.css';

/** At most this many (matching) lines are in the DOM: the newest ones. */
const SHOWN = 1000;
/** Hex values this long or longer are taken for addresses and can be opened in the memory view. */
const POINTER = /(0x[0-9a-fA-F]{4,})/;

interface Props {
  /** the run's lines (useTrace: kept by the page, so they outlive this panel when it moves) */
  trace: TraceView;
  /** whether the worker traces syscalls */
  enabled: boolean;
  onEnabled(on: boolean): void;
  /** Opens an address in the memory view (when there is one). */
  onOpenAddress?: (address: number) => void;
}

const plural = (n: number, what: string) => `${n.toLocaleString('en-US')} ${what}${n === 1 ? '' : 's'}`;

/** The syscalls of the current run as -strace prints them, filterable, with clickable pointers. */
export function TracePanel({ trace, enabled, onEnabled, onOpenAddress }: Props) {
  const [filter, setFilter] = useState('');
  const { lines, dropped, version } = trace;
  const matching = useMemo(() => {
    const f = traceFilter(filter, lines);
    return f ? lines.filter(f) : lines;
    // `version` stands for the lines' contents (the array is mutated in place)
  }, [filter, lines, version]);
  const shown = matching.length > SHOWN ? matching.slice(-SHOWN) : matching;
  const first = matching.length - shown.length;

  // follow the newest lines while the list is scrolled to its end (scrolling up stops following)
  const box = useRef<HTMLDivElement>(null);
  const follow = useRef(true);
  useLayoutEffect(() => {
    const el = box.current;
    if (el && follow.current) el.scrollTop = el.scrollHeight;
  }, [version, filter]);
  const scrolled = () => {
    const el = box.current;
    if (el) follow.current = el.scrollHeight - el.scrollTop - el.clientHeight < 24;
  };

  return (
    <section className="panel trace-panel" data-testid="trace" aria-label="Syscall trace">
      <header className="panel-title">
        <h2>Syscalls</h2>
        <span className="panel-meta" data-testid="trace-count">
          {filter.trim() ? `${matching.length.toLocaleString('en-US')} of ${plural(lines.length, 'line')}` : plural(lines.length, 'line')}
          {dropped > 0 && ` · ${dropped.toLocaleString('en-US')} older dropped`}
        </span>
      </header>
      <div className="trace-tools">
        <input
          className="input mono trace-filter"
          data-testid="trace-filter"
          type="search"
          placeholder="filter: text, or names like read,write"
          spellCheck={false}
          autoComplete="off"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
          aria-label="Filter syscalls"
        />
        <label className="trace-switch" title="Tracing costs some speed on programs that make many syscalls">
          <input type="checkbox" data-testid="trace-enabled" checked={enabled} onChange={(e) => onEnabled(e.target.checked)} /> trace
        </label>
      </div>
      <div className="trace-lines mono" role="log" aria-live="off" ref={box} onScroll={scrolled}>
        {first > 0 && <div className="trace-note">{first} earlier matching lines not shown</div>}
        {shown.map((line, i) => (
          <TraceLine key={first + i} line={line} onOpenAddress={onOpenAddress} />
        ))}
        {lines.length === 0 && <div className="trace-note">{enabled ? 'Syscalls of the running program appear here.' : 'Tracing is off.'}</div>}
      </div>
    </section>
  );
}

const TraceLine = memo(function TraceLine({ line, onOpenAddress }: { line: string; onOpenAddress?: (address: number) => void }) {
  const parts = line.split(POINTER);
  return (
    <div className="trace-line" data-testid="trace-line">
      {parts.map((part, i) =>
        i % 2 === 1 ? (
          <button
            key={i}
            type="button"
            className="trace-ptr"
            disabled={!onOpenAddress}
            title={onOpenAddress ? 'Open in the memory view' : 'No memory view to open it in'}
            onClick={() => onOpenAddress?.(parseInt(part, 16))}
          >
            {part}
          </button>
        ) : (
          part
        ),
      )}
    </div>
  );
});
