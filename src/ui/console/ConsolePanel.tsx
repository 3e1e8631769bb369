import { Terminal } from '@xterm/xterm';
import '@xterm/xterm/css/xterm.css';
import { useEffect, useRef, useState } from 'react';
import type { EngineClient } from '../engine/client';
import type { Theme } from '../theme/useTheme';
import { fitSize } from './fit';
import { terminalThemes } from './terminalTheme';
import './console.css';

interface Props {
  client: EngineClient;
  theme: Theme;
  /** no program has started yet: the panel shows how to begin */
  empty: boolean;
}

const FONT = '"DejaVu Sans Mono", ui-monospace, "SF Mono", Menlo, Consolas, "Liberation Mono", monospace';

/**
 * The program's terminal: xterm.js with its DOM renderer (the text stays in the page, for
 * assistive technology and tests). Keystrokes go to the guest's line discipline; the window size
 * follows the panel (the guest sees it through TIOCGWINSZ and SIGWINCH).
 */
export function ConsolePanel({ client, theme, empty }: Props) {
  const boxRef = useRef<HTMLDivElement>(null);
  const termRef = useRef<Terminal | null>(null);
  const [size, setSize] = useState<{ cols: number; rows: number } | null>(null);

  useEffect(() => {
    const box = boxRef.current!;
    const term = new Terminal({
      fontFamily: FONT,
      fontSize: 14,
      lineHeight: 1, // box-drawing characters join up (console.css lets rows overflow for underscores)
      cursorBlink: true,
      scrollback: 5000,
      theme: terminalThemes[theme],
      allowProposedApi: false,
    });
    termRef.current = term;
    term.open(box);
    const disposables = [
      term.onData((s) => client.input(s)),
      // mouse reports in X10 mode arrive as binary strings: one byte per character
      term.onBinary((s) => client.input(Uint8Array.from(s, (c) => c.charCodeAt(0) & 0xff))),
    ];
    const offs = [
      client.on('output', (bytes, shown) => term.write(bytes, shown)),
      client.on('started', () => {
        // through the write queue, so that output of the previous run still in it is not shown afterwards
        term.write('\x1bc', () => term.clear());
        term.focus();
      }),
    ];

    let last = '';
    let frame = 0;
    const fit = () => {
      frame = 0;
      const s = fitSize(term, box);
      if (!s) return;
      const key = `${s.cols}x${s.rows}`;
      if (key === last) return;
      last = key;
      term.resize(s.cols, s.rows);
      client.resize(s.rows, s.cols);
      setSize(s);
    };
    const observer = new ResizeObserver(() => {
      if (!frame) frame = requestAnimationFrame(fit);
    });
    observer.observe(box);
    fit();
    return () => {
      observer.disconnect();
      if (frame) cancelAnimationFrame(frame);
      offs.forEach((off) => off());
      disposables.forEach((d) => d.dispose());
      term.dispose();
      termRef.current = null;
    };
    // the terminal lives as long as the panel; theme changes are applied below
  }, [client]);

  useEffect(() => {
    if (termRef.current) termRef.current.options.theme = terminalThemes[theme];
  }, [theme]);

  return (
    <section className="panel console-panel" aria-label="Console">
      <header className="panel-title">
        <h2>Console</h2>
        <span className="panel-meta" title="columns × rows, as the program sees them">
          {size ? `${size.cols}×${size.rows}` : ''}
        </span>
      </header>
      <div className="console-frame">
        <div className="console-body" data-testid="console" onClick={() => termRef.current?.focus()}>
          <div className="console-term" ref={boxRef} />
        </div>
        {empty && (
          <div className="console-empty">
            <div className="console-empty-card">
              <svg viewBox="0 0 24 24" width="28" height="28" aria-hidden="true">
                <path d="M12 3v12m0 0-4.5-4.5M12 15l4.5-4.5M4 17v2a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2v-2" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
              </svg>
              <p className="console-empty-title">Drop an AArch64 Linux program anywhere on this page</p>
              <p>
                or choose one with <strong>Open…</strong>. It runs here, in your browser: its output appears in this
                console, and what you type is its input.
              </p>
            </div>
          </div>
        )}
      </div>
    </section>
  );
}
