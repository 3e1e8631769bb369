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

  /** closes the gallery, then acts on the choice */
  const choose = (act: () => void) => {
    setOpen(false);
    act();
  };

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
                  <GalleryCard key={ex.name} testId="example-card" name={ex.name} title={ex.title} description={ex.description} source={ex.source} onChoose={() => choose(() => onChoose(ex))} />
                ))}
              </ul>
            )}
            {onStarter && starters && (
              <>
                <h3 className="gallery-section">Assembly — opens in the editor, ready to run and step</h3>
                <ul className="gallery-grid">
                  {starters.map((st) => (
                    <GalleryCard key={st.name} testId="starter-card" name={st.name} title={st.title} description={st.description} source={st.source} onChoose={() => choose(() => onStarter(st))} />
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

interface CardProps {
  testId: string;
  name: string;
  title: string;
  description: string;
  /** the source file, relative to examples/ */
  source: string;
  onChoose(): void;
}

/** One program of the gallery: its title and one-line description run it; its source is a link. */
function GalleryCard({ testId, name, title, description, source, onChoose }: CardProps) {
  return (
    <li className="gallery-card" data-testid={testId} data-name={name}>
      <button type="button" className="gallery-run" onClick={onChoose}>
        <span className="gallery-title">{title}</span>
        <span className="gallery-desc">{description}</span>
      </button>
      <a className="gallery-source" href={examplesUrl(source)} target="_blank" rel="noreferrer">
        {source}
      </a>
    </li>
  );
}
