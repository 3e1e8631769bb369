import { AlertIcon, CloseIcon } from '../icons';
import './notice.css';

/** A one-line message under the run bar: an error (red), or with `info` a plain notice. */
export function ErrorBanner({ message, onDismiss, info = false }: { message: string; onDismiss(): void; info?: boolean }) {
  return (
    <div className={info ? 'error-banner info-banner' : 'error-banner'} role={info ? 'status' : 'alert'} data-testid={info ? 'notice' : 'error'}>
      <AlertIcon />
      <span className="error-text">{message}</span>
      <button type="button" className="btn btn-icon btn-ghost" aria-label="Dismiss" onClick={onDismiss}>
        <CloseIcon />
      </button>
    </div>
  );
}
