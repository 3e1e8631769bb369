import type { Diagnostic } from '../../core/asm/assembler/assemble';

interface Props {
  name: string;
  diagnostics: Diagnostic[];
  /** the source assembled since the last edit (the counts are current) */
  checked: boolean;
  running: boolean;
  onRun(): void;
  onDownload(): void;
  /** back to the starter's own text, when the file is a starter */
  onRevert?: () => void;
  onNew(): void;
  onClose(): void;
}

/** The editor's bar: the file, what the assembler says of it, Assemble & Run, download, new, close. */
export function EditorBar({ name, diagnostics, checked, running, onRun, onDownload, onRevert, onNew, onClose }: Props) {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  const status = !checked
    ? 'assembling…'
    : errors
      ? `${errors} error${errors === 1 ? '' : 's'}${warnings ? `, ${warnings} warning${warnings === 1 ? '' : 's'}` : ''}`
      : warnings
        ? `${warnings} warning${warnings === 1 ? '' : 's'}`
        : 'no errors';
  return (
    <div className="editor-bar" role="toolbar" aria-label="Assembly">
      <span className="editor-name mono" data-testid="asm-name">
        {name}
      </span>
      <span className={errors ? 'editor-status editor-status-bad' : 'editor-status'} data-testid="asm-status" role="status">
        {status}
      </span>
      <span className="editor-spacer" />
      <button type="button" className="btn btn-primary" data-testid="asm-run" onClick={onRun} disabled={running} title="Assemble and run (Ctrl+Enter)">
        Assemble &amp; Run
      </button>
      <button type="button" className="btn" data-testid="asm-download" onClick={onDownload} disabled={checked && errors > 0} title="Download the assembled program (a static aarch64 Linux executable)">
        Download
      </button>
      {onRevert && (
        <button type="button" className="btn btn-ghost" data-testid="asm-revert" onClick={onRevert} title="Back to the starter's text (your edits are dropped)">
          Revert
        </button>
      )}
      <button type="button" className="btn btn-ghost" data-testid="asm-new" onClick={onNew} title="A new empty program">
        New
      </button>
      <button type="button" className="btn btn-ghost" data-testid="asm-close" onClick={onClose} title="Close the editor (the text is kept)">
        Close
      </button>
    </div>
  );
}
