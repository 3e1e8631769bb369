/**
 * Share links: what a link names (an example, a program embedded in the fragment, or a program
 * hosted at a URL) and the run settings that go with it, written into and read back from a URL.
 *
 *   ?example=NAME                 an example of the gallery (public/examples/index.json)
 *   ?elf=URL                      a program hosted elsewhere (the page fetches that URL only)
 *   #name=NAME&elf=BASE64URL      a program embedded in the fragment: deflate-raw, base64url
 *   #name=NAME.s&asm=BASE64URL    an assembly source (deflate-raw, base64url): opens in the editor
 *   &args=…&env=…&cwd=…&stdin=…   the run settings as typed in the page (args as one command
 *                                 line, env as KEY=VALUE lines); stdin is typed into the console
 *                                 once the program runs
 *   &embed=1                      the minimal layout: console and run controls only
 */

/** Where the program on screen came from. `bytes` of a file are a copy kept for sharing. */
export type ProgramOrigin =
  | { kind: 'example'; name: string; args: string[]; env: Record<string, string>; source: string }
  | { kind: 'file'; name: string; bytes: Uint8Array }
  | { kind: 'url'; name: string; url: string }
  | { kind: 'source'; name: string; text: string };

/** The run settings as the page's fields hold them; a missing one keeps the page's default. */
export interface SharedSettings {
  args?: string;
  env?: string;
  cwd?: string;
  stdin?: string;
}

export type SharedProgram =
  | { kind: 'example'; name: string }
  | { kind: 'embedded'; name: string; data: string }
  | { kind: 'url'; url: string }
  | { kind: 'source'; name: string; data: string };

export interface ShareLink {
  program: SharedProgram | null;
  settings: SharedSettings;
  embed: boolean;
}

/** Largest program embedded in a link, compressed (its base64 text is 4/3 of it; Chromium takes URLs up to 2 MB). */
export const MAX_EMBEDDED = 512 * 1024;

const SETTINGS = ['args', 'env', 'cwd', 'stdin'] as const;

/** Reads a link (the page's own location by default). Nothing named gives `program: null`. */
export function parseShareLink(href: string): ShareLink {
  const url = new URL(href);
  const query = url.searchParams;
  const fragment = new URLSearchParams(url.hash.replace(/^#/, ''));
  const settings: SharedSettings = {};
  for (const key of SETTINGS) {
    const value = query.get(key) ?? fragment.get(key);
    if (value !== null) settings[key] = value;
  }
  let program: SharedProgram | null = null;
  const example = query.get('example');
  const elf = query.get('elf');
  const embedded = fragment.get('elf');
  const source = fragment.get('asm');
  if (source) program = { kind: 'source', name: fragment.get('name') || 'program.s', data: source };
  else if (embedded) program = { kind: 'embedded', name: fragment.get('name') || 'program', data: embedded };
  else if (example) program = { kind: 'example', name: example };
  else if (elf) program = { kind: 'url', url: elf };
  return { program, settings, embed: query.get('embed') === '1' };
}

/** Writes a link relative to `base` (the page's address without query and fragment). */
export function formatShareLink(base: string, link: ShareLink): string {
  const url = new URL(base);
  url.search = '';
  url.hash = '';
  const query = new URLSearchParams();
  const fragment = new URLSearchParams();
  const p = link.program;
  if (p?.kind === 'example') query.set('example', p.name);
  else if (p?.kind === 'url') query.set('elf', p.url);
  else if (p?.kind === 'embedded') {
    fragment.set('name', p.name);
    fragment.set('elf', p.data);
  } else if (p?.kind === 'source') {
    fragment.set('name', p.name);
    fragment.set('asm', p.data);
  }
  for (const key of SETTINGS) {
    const value = link.settings[key];
    if (value !== undefined) query.set(key, value);
  }
  if (link.embed) query.set('embed', '1');
  const q = query.toString();
  const f = fragment.toString();
  return url.toString() + (q ? `?${q}` : '') + (f ? `#${f}` : '');
}

// ---------------------------------------------------------------- bytes in a link

async function through(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const out = new Blob([bytes as BlobPart]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(out).arrayBuffer());
}

export const deflate = (bytes: Uint8Array) => through(bytes, new CompressionStream('deflate-raw'));
export const inflate = (bytes: Uint8Array) => through(bytes, new DecompressionStream('deflate-raw'));

export function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function fromBase64Url(text: string): Uint8Array {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** The program compressed for a link's fragment, or its compressed size when it is too big. */
export async function embedProgram(bytes: Uint8Array): Promise<{ data: string; size: number } | { tooBig: number }> {
  const packed = await deflate(bytes);
  if (packed.length > MAX_EMBEDDED) return { tooBig: packed.length };
  return { data: toBase64Url(packed), size: packed.length };
}

export async function unembedProgram(data: string): Promise<Uint8Array> {
  return inflate(fromBase64Url(data));
}

/** An assembly source for a link's fragment (sources are small: no size limit). */
export async function embedSource(text: string): Promise<string> {
  return toBase64Url(await deflate(new TextEncoder().encode(text)));
}

export async function unembedSource(data: string): Promise<string> {
  return new TextDecoder('utf-8', { fatal: true }).decode(await inflate(fromBase64Url(data)));
}

/** The last segment of a URL's path, as the program's name. */
export function nameFromUrl(url: string): string {
  try {
    const path = new URL(url, location.href).pathname;
    return decodeURIComponent(path.slice(path.lastIndexOf('/') + 1)) || 'program';
  } catch {
    return 'program';
  }
}
