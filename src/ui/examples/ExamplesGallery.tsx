import { useEffect, useRef, useState } from 'react';
import { CloseIcon } from '../icons';
import { type AsmStarter, loadAsmStarters } from '../editor/useAsmEditor';
import { examplesUrl, loadExamples, type Example } from './examples';
import './examples.css';

interface Props {
  /** an example was chosen: load and run it */
  onChoose(example: Example): void;
  disabled?: boolean;
  /** the C source of the example on screen, linked beside the button */
  source?: string;
  /** an assembly starter was chosen: open it in the editor */
  onStarter?(starter: AsmStarter): void;
}

/** The "Examples" button and the gallery it opens: a card per example, one click runs it. */
export function ExamplesGallery({ onChoose, disabled, source, onStarter }: Props) {
  const [open, setOpen] = useState(false);
  const [examples, setExamples] = useState<Example[] | null>(null);
  const [starters, setStarters] = useState<AsmStarter[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const dialog = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    loadExamples().then(setExamples, (e: unknown) => setError(`The examples could not be loaded: ${e instanceof Error ? e.message : String(e)}`));
    if (onStarter) loadAsmStarters().then(setStarters, (e: unknown) => setError(`The assembly starters could not be loaded: ${e instanceof Error ? e.message : String(e)}`));
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setOpen(false);
    };
    window.addEventListener('keydown', onKey);
    dialog.current?.focus();
    return () => window.removeEventListener('keydown', onKey);
  }, [open]);

  return (
    <>
      <button type="button" className="btn" data-testid="examples-button" disabled={disabled} onClick={() => setOpen(true)} aria-haspopup="dialog">
        Examples
      </button>
      {source && (
        <a className="gallery-current-source" data-testid="example-source" href={examplesUrl(source)} target="_blank" rel="noreferrer" title="The example's C source">
          {source}
        </a>
      )}
      {open && (
        <div className="gallery-backdrop" onClick={(e) => e.target === e.currentTarget && setOpen(false)}>
          <div className="gallery" role="dialog" aria-modal="true" aria-label="Examples" tabIndex={-1} ref={dialog} data-testid="examples-gallery">
            <div className="gallery-head">
              <h2>Examples</h2>
              <span className="gallery-hint">Programs built for this playground. Click one to run it.</span>
              <button type="button" className="btn btn-icon btn-ghost" aria-label="Close" onClick={() => setOpen(false)}>
                <CloseIcon />
              </button>
            </div>
            {error && <p className="gallery-error">{error}</p>}
            {!examples && !error && <p className="gallery-loading">Loading…</p>}
            {examples && (
              <ul className="gallery-grid">
                {examples.map((ex) => (
                  <li key={ex.name} className="gallery-card" data-testid="example-card" data-name={ex.name}>
                    <button
                      type="button"
                      className="gallery-run"
                      onClick={() => {
                        setOpen(false);
                        onChoose(ex);
                      }}
                    >
                      <span className="gallery-title">{ex.title}</span>
                      <span className="gallery-desc">{ex.description}</span>
                    </button>
                    <a className="gallery-source" href={examplesUrl(ex.source)} target="_blank" rel="noreferrer">
                      {ex.source}
                    </a>
                  </li>
                ))}
              </ul>
            )}
            {onStarter && starters && (
              <>
                <h3 className="gallery-section">Assembly — opens in the editor, ready to run and step</h3>
                <ul className="gallery-grid">
                  {starters.map((s) => (
                    <li key={s.name} className="gallery-card" data-testid="starter-card" data-name={s.name}>
                      <button
                        type="button"
                        className="gallery-run"
                        onClick={() => {
                          setOpen(false);
                          onStarter(s);
                        }}
                      >
                        <span className="gallery-title">{s.title}</span>
                        <span className="gallery-desc">{s.description}</span>
                      </button>
                      <a className="gallery-source" href={examplesUrl(s.source)} target="_blank" rel="noreferrer">
                        {s.source}
                      </a>
                    </li>
                  ))}
                </ul>
              </>
            )}
          </div>
        </div>
      )}
    </>
  );
}
