import { useEffect, useRef, useState } from 'react';
import { exampleEnvText } from '../examples/examples';
import { DEFAULT_CWD, DEFAULT_ENV, joinArgs } from '../runbar/args';
import { formatSize } from '../runbar/RunBar';
import { embedProgram, embedSource, formatShareLink, MAX_EMBEDDED, type ProgramOrigin, type ShareLink } from './link';
import './share.css';

interface Props {
  origin: ProgramOrigin | null;
  args: string;
  env: string;
  cwd: string;
  stdin: string;
  onStdin(text: string): void;
}

type Built = { link: string; note?: string } | { tooBig: number } | { error: string } | null;

const pageBase = () => location.href.replace(/[?#].*$/, '');
/** Links longer than this get a word of warning (browsers take them; mail and chat may not). */
const LONG_LINK = 64 * 1024;

/** The settings a link carries: only those that differ from what the program would get anyway. */
function settingsFor(origin: ProgramOrigin, p: Props): ShareLink['settings'] {
  const s: ShareLink['settings'] = {};
  const defaultArgs = origin.kind === 'example' ? joinArgs(origin.args) : '';
  const defaultEnv = origin.kind === 'example' ? exampleEnvText(origin) : DEFAULT_ENV;
  if (p.args.trim() !== defaultArgs) s.args = p.args;
  if (p.env.trim() !== defaultEnv.trim()) s.env = p.env;
  if (p.cwd.trim() && p.cwd.trim() !== DEFAULT_CWD) s.cwd = p.cwd.trim();
  if (p.stdin) s.stdin = p.stdin;
  return s;
}

/** The Share button and its panel: the link in a text field, Copy, stdin text, embed layout, ?elf=URL. */
export function SharePanel(props: Props) {
  const { origin, stdin, onStdin } = props;
  const [open, setOpen] = useState(false);
  const [embed, setEmbed] = useState(false);
  const [hostedUrl, setHostedUrl] = useState('');
  const [built, setBuilt] = useState<Built>(null);
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const field = useRef<HTMLInputElement>(null);
  const panel = useRef<HTMLDivElement>(null);

  const { args, env, cwd } = props;
  useEffect(() => {
    if (!open) return;
    setCopied(null);
    if (!origin) return setBuilt(null);
    const settings = settingsFor(origin, { ...props });
    const make = (program: ShareLink['program']) => formatShareLink(pageBase(), { program, settings, embed });
    let current = true;
    if (hostedUrl.trim()) {
      setBuilt({ link: make({ kind: 'url', url: hostedUrl.trim() }), note: 'The page that opens this link fetches the program from that address.' });
    } else if (origin.kind === 'example') setBuilt({ link: make({ kind: 'example', name: origin.name }) });
    else if (origin.kind === 'url') setBuilt({ link: make({ kind: 'url', url: origin.url }) });
    else if (origin.kind === 'source') {
      setBuilt(null);
      embedSource(origin.text).then(
        (data) => current && setBuilt({ link: make({ kind: 'source', name: origin.name, data }), note: `The link holds the source of ${origin.name}: it opens in the editor, ready to run.` }),
        (e: unknown) => current && setBuilt({ error: `The source could not be compressed: ${e instanceof Error ? e.message : String(e)}` }),
      );
    } else {
      setBuilt(null);
      embedProgram(origin.bytes).then(
        (r) => {
          if (!current) return;
          if ('tooBig' in r) setBuilt(r);
          else {
            const link = make({ kind: 'embedded', name: origin.name, data: r.data });
            const long = link.length > LONG_LINK ? ` The link is ${formatSize(link.length)} long: some mail and chat programs cut long links short, and a link to a hosted copy (below) is short.` : '';
            setBuilt({ link, note: `The program is inside the link (${formatSize(r.size)} compressed).${long}` });
          }
        },
        (e: unknown) => current && setBuilt({ error: `The program could not be compressed: ${e instanceof Error ? e.message : String(e)}` }),
      );
    }
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, origin, args, env, cwd, stdin, embed, hostedUrl]);

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && setOpen(false);
    const onDown = (e: MouseEvent) => {
      if (panel.current && !panel.current.parentElement?.contains(e.target as Node)) setOpen(false);
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('mousedown', onDown);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('mousedown', onDown);
    };
  }, [open]);

  const link = built && 'link' in built ? built.link : '';
  const copy = () => {
    if (!link) return;
    field.current?.select();
    const done = () => setCopied('yes');
    const byHand = () => setCopied(document.execCommand?.('copy') ? 'yes' : 'failed');
    if (navigator.clipboard?.writeText) navigator.clipboard.writeText(link).then(done, byHand);
    else byHand();
  };

  return (
    <div className="share">
      <button type="button" className="btn" data-testid="share-button" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
        Share
      </button>
      {open && (
        <div className="share-panel" ref={panel} role="dialog" aria-label="Share" data-testid="share-panel">
          {!origin ? (
            <p className="share-note">Open a program or pick an example first: the link runs what is on screen.</p>
          ) : (
            <>
              <label className="share-label" htmlFor="share-link">
                Link to this {origin.kind === 'source' ? `source (${origin.name})` : 'program'}{origin.kind === 'example' ? ` (example ${origin.name})` : ''} with its arguments, environment and input
              </label>
              <div className="share-row">
                <input
                  id="share-link"
                  ref={field}
                  className="share-link mono"
                  data-testid="share-link"
                  readOnly
                  value={link}
                  placeholder={built === null ? 'Making the link…' : ''}
                  onFocus={(e) => e.currentTarget.select()}
                />
                <button type="button" className="btn btn-primary" data-testid="share-copy" disabled={!link} onClick={copy}>
                  Copy
                </button>
              </div>
              {copied === 'yes' && (
                <p className="share-ok" role="status" data-testid="share-copied">
                  Copied to the clipboard.
                </p>
              )}
              {copied === 'failed' && <p className="share-warn">The browser did not allow copying: select the link and press Ctrl-C.</p>}
              {built && 'note' in built && built.note && <p className="share-note">{built.note}</p>}
              {built && 'error' in built && <p className="share-warn">{built.error}</p>}
              {built && 'tooBig' in built && (
                <p className="share-warn" data-testid="share-too-big">
                  This program is {formatSize(built.tooBig)} compressed, more than a link can carry ({formatSize(MAX_EMBEDDED)}). Put the file on a
                  web server that allows cross-origin reads (CORS) and give its address below for a ?elf= link.
                </p>
              )}
              {origin.kind === 'file' && (
                <label className="share-label">
                  Or link to a copy hosted at (optional)
                  <input
                    className="share-input mono"
                    data-testid="share-elf-url"
                    type="url"
                    placeholder="https://example.org/hello"
                    value={hostedUrl}
                    onChange={(e) => setHostedUrl(e.currentTarget.value)}
                  />
                </label>
              )}
              <label className="share-label">
                Input typed into the console after start (optional)
                <textarea
                  className="share-input mono"
                  data-testid="share-stdin"
                  rows={2}
                  value={stdin}
                  spellCheck={false}
                  onChange={(e) => onStdin(e.currentTarget.value)}
                />
              </label>
              <label className="share-check">
                <input type="checkbox" data-testid="share-embed" checked={embed} onChange={(e) => setEmbed(e.currentTarget.checked)} />
                Minimal layout for slides and course pages (console and run controls only)
              </label>
            </>
          )}
        </div>
      )}
    </div>
  );
}
