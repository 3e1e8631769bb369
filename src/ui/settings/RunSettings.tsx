import { type KeyboardEvent, useId } from 'react';
import './settings.css';

interface Props {
  args: string;
  env: string;
  cwd: string;
  argsError: string | null;
  envError: string | null;
  onArgs(text: string): void;
  onEnv(text: string): void;
  onCwd(text: string): void;
  /** Enter in a one-line field */
  onSubmit(): void;
}

/** Arguments, working directory and environment for the next run. */
export function RunSettings(p: Props) {
  const id = useId();
  const enter = (e: KeyboardEvent) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      p.onSubmit();
    }
  };
  return (
    <aside className="panel settings-panel" aria-label="Run settings">
      <header className="panel-title">
        <h2>Run settings</h2>
        <span className="panel-meta">used by Run and Restart</span>
      </header>
      <div className="settings-body">
        <div className="field">
          <label htmlFor={`${id}-args`}>Arguments</label>
          <input
            id={`${id}-args`}
            data-testid="args"
            className="input mono"
            type="text"
            spellCheck={false}
            autoComplete="off"
            placeholder={'e.g.  -n 3 "two words"'}
            value={p.args}
            onChange={(e) => p.onArgs(e.target.value)}
            onKeyDown={enter}
            aria-invalid={p.argsError ? true : undefined}
            aria-describedby={`${id}-args-help`}
          />
          <p id={`${id}-args-help`} className={p.argsError ? 'help help-error' : 'help'}>
            {p.argsError ?? 'Split as a shell does: quotes keep words together.'}
          </p>
        </div>
        <div className="field">
          <label htmlFor={`${id}-cwd`}>Working directory</label>
          <input
            id={`${id}-cwd`}
            data-testid="cwd"
            className="input mono"
            type="text"
            spellCheck={false}
            autoComplete="off"
            value={p.cwd}
            onChange={(e) => p.onCwd(e.target.value)}
            onKeyDown={enter}
          />
        </div>
        <div className="field field-grow">
          <label htmlFor={`${id}-env`}>Environment</label>
          <textarea
            id={`${id}-env`}
            data-testid="env"
            className="input mono"
            spellCheck={false}
            autoComplete="off"
            rows={7}
            value={p.env}
            onChange={(e) => p.onEnv(e.target.value)}
            aria-invalid={p.envError ? true : undefined}
            aria-describedby={`${id}-env-help`}
          />
          <p id={`${id}-env-help`} className={p.envError ? 'help help-error' : 'help'}>
            {p.envError ?? 'One KEY=VALUE per line.'}
          </p>
        </div>
        <section className="keys" aria-label="Console keys">
          <h3>In the console</h3>
          <dl>
            <dt><kbd>Ctrl</kbd>+<kbd>C</kbd></dt>
            <dd>interrupt (SIGINT)</dd>
            <dt><kbd>Ctrl</kbd>+<kbd>D</kbd></dt>
            <dd>end of input</dd>
            <dt><kbd>Ctrl</kbd>+<kbd>\</kbd></dt>
            <dd>quit (SIGQUIT)</dd>
            <dt><kbd>Ctrl</kbd>+<kbd>Z</kbd></dt>
            <dd>suspend (SIGTSTP)</dd>
          </dl>
        </section>
      </div>
    </aside>
  );
}
