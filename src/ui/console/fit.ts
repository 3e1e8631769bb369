import type { Terminal } from '@xterm/xterm';

/** xterm's scrollbar width when the terminal has scrollback (ViewportConstants.DEFAULT_SCROLL_BAR_WIDTH). */
const SCROLLBAR = 14;

interface CellSize {
  width: number;
  height: number;
}

/**
 * The size of one character cell. xterm measures it but keeps it private (the fit addon reads
 * the same field); without it, a character of the terminal's font is measured here.
 */
function cellSize(term: Terminal, box: HTMLElement): CellSize | null {
  const core = (term as unknown as { _core?: { _renderService?: { dimensions?: { css?: { cell?: CellSize } } } } })._core;
  const cell = core?._renderService?.dimensions?.css?.cell;
  if (cell && cell.width > 0 && cell.height > 0) return cell;
  const probe = document.createElement('span');
  probe.textContent = 'W'.repeat(32);
  probe.style.cssText = `position:absolute;visibility:hidden;white-space:pre;font-family:${term.options.fontFamily};font-size:${term.options.fontSize}px`;
  box.appendChild(probe);
  const r = probe.getBoundingClientRect();
  probe.remove();
  if (!r.width) return null;
  return { width: r.width / 32, height: Math.ceil(r.height * (term.options.lineHeight ?? 1)) };
}

/** How many columns and rows of the terminal fit in `box` (null while it is hidden). */
export function fitSize(term: Terminal, box: HTMLElement): { cols: number; rows: number } | null {
  const cell = cellSize(term, box);
  const w = box.clientWidth - (term.options.scrollback ? SCROLLBAR : 0);
  const h = box.clientHeight;
  if (!cell || w <= 0 || h <= 0) return null;
  return { cols: Math.max(20, Math.floor(w / cell.width)), rows: Math.max(4, Math.floor(h / cell.height)) };
}
