import { AlertIcon, CloseIcon } from '../icons';
import './notice.css';

export function ErrorBanner({ message, onDismiss }: { message: string; onDismiss(): void }) {
  return (
    <div className="error-banner" role="alert" data-testid="error">
      <AlertIcon />
      <span className="error-text">{message}</span>
      <button type="button" className="btn btn-icon btn-ghost" aria-label="Dismiss" onClick={onDismiss}>
        <CloseIcon />
      </button>
    </div>
  );
}
