import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { EngineClient } from './engine/client';

// The engine needs SharedArrayBuffer, which browsers give only to cross-origin isolated pages.
const isolated = self.crossOriginIsolated === true && typeof SharedArrayBuffer === 'function';
// One engine for the page's lifetime (created here, not in a component, so StrictMode's double
// rendering does not start a second worker).
const client = isolated ? new EngineClient() : null;

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App client={client} />
  </StrictMode>,
);
