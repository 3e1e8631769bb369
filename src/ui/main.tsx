import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

// The playground UI arrives with issue #5; until then the page says what a64play is and how to use the CLI.
function App() {
  return (
    <main style={{ fontFamily: 'system-ui, sans-serif', maxWidth: 720, margin: '3rem auto', lineHeight: 1.5 }}>
      <h1>a64play</h1>
      <p>An AArch64 Linux playground. The browser playground is under construction.</p>
      <p>
        Today the engine runs from the command line: <code>node bin/a64play.js PROGRAM [ARGS...]</code> runs a
        statically linked aarch64 Linux program like <code>qemu-aarch64</code> does.
      </p>
    </main>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
