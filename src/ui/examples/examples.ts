/** The examples gallery's data: public/examples/index.json and the binaries beside it. */
import { DEFAULT_ENV } from '../runbar/args';

export interface Example {
  name: string;
  title: string;
  description: string;
  args: string[];
  env: Record<string, string>;
  /** the binary, relative to examples/ */
  file: string;
  /** the C source, relative to examples/ */
  source: string;
  size: number;
}

/** Relative to the page, so the site works from any folder of a static host. */
export const examplesUrl = (file: string) => new URL(`examples/${file}`, document.baseURI).toString();

/** A JSON file of examples/, fetched once (a failure is retried on the next call). */
export function examplesJson<T>(file: string): () => Promise<T> {
  let loading: Promise<T> | null = null;
  return () =>
    (loading ??= fetch(examplesUrl(file))
      .then((r) => {
        if (!r.ok) throw new Error(`examples/${file}: HTTP ${r.status}`);
        return r.json() as Promise<T>;
      })
      .catch((e: unknown) => {
        loading = null;
        throw e;
      }));
}

const index = examplesJson<{ examples: Example[] }>('index.json');

/** The gallery's list. */
export const loadExamples = (): Promise<Example[]> => index().then((d) => d.examples);

export async function findExample(name: string): Promise<Example> {
  const found = (await loadExamples()).find((e) => e.name === name);
  if (!found) throw new Error(`there is no example called "${name}"`);
  return found;
}

export async function fetchExample(example: Example): Promise<Uint8Array> {
  const r = await fetch(examplesUrl(example.file));
  if (!r.ok) throw new Error(`examples/${example.file}: HTTP ${r.status}`);
  return new Uint8Array(await r.arrayBuffer());
}

/** The example's environment as lines to add to the page's default environment. */
export const exampleEnvLines = (example: { env: Record<string, string> }) =>
  Object.entries(example.env).map(([k, v]) => `${k}=${v}`);

/** The environment text the page shows for an example: the default plus the example's own. */
export const exampleEnvText = (example: { env: Record<string, string> }) =>
  [DEFAULT_ENV, ...exampleEnvLines(example)].join('\n');
