import type { EngineState } from '../../worker/protocol';
import type { LoadedProgram } from '../engine/client';
import { PauseIcon, PlayIcon, RestartIcon, StopIcon } from '../icons';
import './runbar.css';

interface Props {
  program: LoadedProgram | null;
  state: EngineState;
  onRun(): void;
  onPause(): void;
  onResume(): void;
  onStop(): void;
  onRestart(): void;
  /** Run is the editor's Assemble & Run: possible without a loaded program */
  canRun?: boolean;
}

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

/** The program's name and the run controls. */
export function RunBar({ program, state, onRun, onPause, onResume, onStop, onRestart, canRun }: Props) {
  const live = state === 'running' || state === 'paused';
  return (
    <div className="runbar" role="toolbar" aria-label="Run controls">
      <div className="runbar-program">
        <span className="runbar-label">Program</span>
        {program ? (
          <>
            <span className="runbar-name" data-testid="program-name" title={program.path}>
              {program.name}
            </span>
            <span className="runbar-meta">{formatSize(program.size)}</span>
          </>
        ) : (
          <span className="runbar-none" data-testid="program-name">
            none yet
          </span>
        )}
      </div>
      <div className="runbar-controls">
        <button type="button" className="btn btn-run" data-testid="run" disabled={(!program && !canRun) || live} onClick={onRun} title={canRun ? "Assemble the editor's program and run it" : 'Run the program'}>
          <PlayIcon />
          Run
        </button>
        {state === 'paused' ? (
          <button type="button" className="btn btn-toggle" data-testid="resume" onClick={onResume} title="Continue running">
            <PlayIcon />
            Resume
          </button>
        ) : (
          <button type="button" className="btn btn-toggle" data-testid="pause" disabled={state !== 'running'} onClick={onPause} title="Pause the program">
            <PauseIcon />
            Pause
          </button>
        )}
        <button type="button" className="btn btn-stop" data-testid="stop" disabled={!live} onClick={onStop} title="Kill the program (SIGKILL)">
          <StopIcon />
          Stop
        </button>
        <button
          type="button"
          className="btn"
          data-testid="restart"
          disabled={!program || state === 'idle'}
          onClick={onRestart}
          title="Kill the program and run it again"
        >
          <RestartIcon />
          Restart
        </button>
      </div>
    </div>
  );
}
