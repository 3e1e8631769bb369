import { useEffect, useState } from 'react';
import { AlertIcon } from '../icons';
import './notice.css';

/** public/coi-register.js's verdict in <html data-isolation>: pending means a reload is coming. */
function useIsolationState(): string | null {
  const [state, setState] = useState(() => document.documentElement.getAttribute('data-isolation'));
  useEffect(() => {
    const root = document.documentElement;
    const observer = new MutationObserver(() => setState(root.getAttribute('data-isolation')));
    observer.observe(root, { attributes: true, attributeFilter: ['data-isolation'] });
    return () => observer.disconnect();
  }, []);
  return state;
}

/** Shown instead of the console when the page is not cross-origin isolated. */
export function IsolationNotice() {
  const state = useIsolationState();
  if (state === 'pending')
    return (
      <div className="isolation-notice pending" data-testid="isolation-notice">
        <p className="isolation-title">Preparing the playground…</p>
        <p>The page installs its service worker and reloads once.</p>
      </div>
    );
  return (
    <div className="isolation-notice" role="alert" data-testid="isolation-notice">
      <AlertIcon />
      <div>
        <p className="isolation-title">SharedArrayBuffer is unavailable: this page is not cross-origin isolated.</p>
        <p>
          a64play runs programs in a Web Worker that shares memory with the page, and browsers allow shared memory
          only in cross-origin isolated pages: those served with the headers{' '}
          <code>Cross-Origin-Opener-Policy: same-origin</code> and <code>Cross-Origin-Embedder-Policy: require-corp</code>.
          This site adds them with a service worker of its own when its server does not, but that did not work here
          {state === 'unsupported' ? ': service workers are unavailable (a page opened from a file, a private window, or an insecure http:// address)' : ''}.
        </p>
        <p>
          Open the playground over <code>https://</code> or <code>http://localhost</code> in a current Chrome, Edge, Firefox or
          Safari, or serve it with those two headers (<code>npm run dev</code> does).
        </p>
      </div>
    </div>
  );
}
