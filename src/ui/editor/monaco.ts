/**
 * Monaco, loaded on first use (its code is a separate chunk, so the page starts without it): the
 * core editor with its standard features, the editor worker from this site (no CDN), and the A64
 * language registered.
 */
import type * as Monaco from 'monaco-editor/editor/editor.api';

let loading: Promise<typeof Monaco> | null = null;

export function loadMonaco(): Promise<typeof Monaco> {
  loading ??= (async () => {
    const [monaco, worker, lang] = await Promise.all([
      import('./monacoFeatures'),
      import('monaco-editor/editor/editor.worker?worker'),
      import('./a64Language'),
    ]);
    (self as unknown as { MonacoEnvironment: unknown }).MonacoEnvironment = {
      getWorker: () => new worker.default(),
    };
    const api = monaco as unknown as typeof Monaco;
    lang.registerA64(api);
    return api;
  })();
  return loading;
}
