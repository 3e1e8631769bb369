import type { SessionView } from '../engine/useSession';
import './status.css';

export const formatCount = (n: number) => n.toLocaleString('en-US');

export function formatMips(mips: number): string {
  return mips >= 100 ? mips.toFixed(0) : mips.toFixed(1);
}

/** State, instructions executed, live speed, and how the program ended. */
export function StatusBar({ view }: { view: SessionView }) {
  const { state, instructions, mips, exit, program } = view;
  const label = state === 'idle' ? (program ? 'ready' : 'idle') : state;
  const exitClass = exit ? (exit.signal !== null ? 'exit-signal' : exit.code === 0 ? 'exit-ok' : 'exit-fail') : '';
  return (
    <footer className="statusbar" data-testid="status" data-state={state}>
      <span className={`status-state state-${state}`}>
        <span className="status-dot" aria-hidden="true" />
        <span className="status-label">{label}</span>
      </span>
      <span className="status-item">
        <span className="status-key">Instructions</span>
        <span className="status-value" data-testid="instructions">
          {formatCount(instructions)}
        </span>
      </span>
      <span className="status-item">
        <span className="status-key">Speed</span>
        <span className="status-value" data-testid="mips">
          {state === 'running' ? `${formatMips(mips)} MIPS` : '—'}
        </span>
      </span>
      <span className={`status-exit ${exitClass}`} role="status" data-testid="exit-status">
        {exit ? exit.message : ''}
      </span>
    </footer>
  );
}
