import { useCallback, useEffect, useRef, useState } from 'react';
import type { RunConfig } from '../../worker/protocol';
import type { EngineClient } from '../engine/client';
import type { SessionControls } from '../engine/useSession';
import { exampleEnvText, fetchExample, findExample, type Example } from '../examples/examples';
import { DEFAULT_CWD, DEFAULT_ENV, joinArgs, parseEnv, splitArgs } from '../runbar/args';
import { nameFromUrl, parseShareLink, unembedProgram, unembedSource, type ProgramOrigin, type ShareLink } from './link';

/** The page's run-settings fields, as text. */
export interface SettingsFields {
  setArgs(text: string): void;
  setEnv(text: string): void;
  setCwd(text: string): void;
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * Where the program on screen came from (so Share can name it), the stdin text a link carries,
 * the examples gallery's loader, and opening the page's own share link once at start.
 */
export function usePrograms(
  client: EngineClient | null,
  session: SessionControls,
  fields: SettingsFields,
  /** opens an assembly source from a link in the editor (`embed`: the link asks for the minimal layout) */
  openSource: (name: string, text: string, embed: boolean) => void,
) {
  const [link] = useState<ShareLink>(() => parseShareLink(location.href));
  const [origin, setShown] = useState<ProgramOrigin | null>(null);
  // What is being loaded becomes what is on screen once the engine accepts it (a refused file
  // leaves the previous program in place, as the engine does).
  const pending = useRef<ProgramOrigin | null>(null);
  const setOrigin = useCallback((o: ProgramOrigin) => void (pending.current = o), []);
  useEffect(() => {
    if (!client) return;
    const offs = [
      client.on('loaded', () => {
        if (pending.current) setShown(pending.current);
        pending.current = null;
      }),
      client.on('error', (_message, kind) => {
        if (kind === 'format') pending.current = null;
      }),
    ];
    return () => offs.forEach((off) => off());
  }, [client]);
  const [stdin, setStdin] = useState(link.settings.stdin ?? '');

  /** Loads and runs; `stdinText` is typed into the console once the run has started. */
  const start = useCallback(
    (name: string, bytes: Uint8Array, config: RunConfig, stdinText = '') => {
      if (!client) return;
      if (stdinText) {
        const off = client.on('started', () => {
          off();
          client.input(stdinText);
        });
        const offError = client.on('error', () => {
          off();
          offError();
        });
      }
      client.load(name, bytes, config, true);
    },
    [client],
  );

  /** Runs an example with its own arguments and environment (or the link's, when given). */
  const runExample = useCallback(
    async (example: Example, settings: ShareLink['settings'] = {}) => {
      const argsText = settings.args ?? joinArgs(example.args);
      const envText = settings.env ?? exampleEnvText(example);
      const cwd = settings.cwd ?? DEFAULT_CWD;
      fields.setArgs(argsText);
      fields.setEnv(envText);
      fields.setCwd(cwd);
      try {
        const bytes = await fetchExample(example);
        setOrigin({ kind: 'example', name: example.name, args: example.args, env: example.env, source: example.source });
        start(example.file, bytes, { args: splitArgs(argsText).value, env: parseEnv(envText).value, cwd }, settings.stdin);
      } catch (e) {
        session.showError(`The example ${example.name} could not be loaded: ${message(e)}`);
      }
    },
    [fields, session, start, setOrigin],
  );

  /** A program opened or dropped: kept (a copy) so Share can embed it. */
  const fileOpened = useCallback(
    (name: string, bytes: Uint8Array) => {
      setOrigin({ kind: 'file', name, bytes: bytes.slice() });
    },
    [setOrigin],
  );

  // The page's own link, opened once.
  const launched = useRef(false);
  useEffect(() => {
    const program = link.program;
    if (!client || !program || launched.current) return;
    launched.current = true;
    const s = link.settings;
    if (program.kind === 'example') {
      findExample(program.name).then(
        (example) => runExample(example, s),
        (e: unknown) => session.showError(`This link names an example that could not be found: ${message(e)}`),
      );
      return;
    }
    const argsText = s.args ?? '';
    const envText = s.env ?? DEFAULT_ENV;
    const cwd = s.cwd ?? DEFAULT_CWD;
    fields.setArgs(argsText);
    fields.setEnv(envText);
    fields.setCwd(cwd);
    const config = { args: splitArgs(argsText).value, env: parseEnv(envText).value, cwd };
    if (program.kind === 'source') {
      unembedSource(program.data).then(
        (text) => openSource(program.name, text, link.embed),
        (e: unknown) => session.showError(`The source in this link is damaged (was the link cut short?): ${message(e)}`),
      );
    } else if (program.kind === 'embedded') {
      unembedProgram(program.data).then(
        (bytes) => {
          setOrigin({ kind: 'file', name: program.name, bytes: bytes.slice() });
          start(program.name, bytes, config, s.stdin);
        },
        (e: unknown) => session.showError(`The program in this link is damaged (was the link cut short?): ${message(e)}`),
      );
    } else {
      const name = nameFromUrl(program.url);
      fetch(program.url, { credentials: 'omit' })
        .then(async (r) => {
          if (!r.ok) throw new Error(`the server answered HTTP ${r.status} ${r.statusText}`.trim());
          if (/^text\/html/i.test(r.headers.get('content-type') ?? '')) throw new Error('the address gave a web page, not a program');
          return new Uint8Array(await r.arrayBuffer());
        })
        .then(
          (bytes) => {
            setOrigin({ kind: 'url', name, url: program.url });
            start(name, bytes, config, s.stdin);
          },
          (e: unknown) =>
            session.showError(
              `The program at ${program.url} could not be fetched (${message(e)}). The server must exist and allow other sites to read the file (CORS: Access-Control-Allow-Origin).`,
            ),
        );
    }
  }, [client, link, fields, runExample, session, start, setOrigin, openSource]);

  return { link, embed: link.embed, origin, stdin, setStdin, runExample, fileOpened };
}
