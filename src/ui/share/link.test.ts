import { describe, expect, it } from 'vitest';
import { embedProgram, formatShareLink, fromBase64Url, MAX_EMBEDDED, parseShareLink, toBase64Url, unembedProgram } from './link';

const base = 'https://host.example/a64play/';

describe('share links', () => {
  it('an example with settings round-trips', () => {
    const link = formatShareLink(base + '?old=1#x', {
      program: { kind: 'example', name: 'args' },
      settings: { args: "a 'b c'", env: 'A=1\nB=2', cwd: '/tmp', stdin: 'one two\n\u0004' },
      embed: true,
    });
    expect(link.startsWith(base + '?example=args&')).toBe(true);
    expect(parseShareLink(link)).toEqual({
      program: { kind: 'example', name: 'args' },
      settings: { args: "a 'b c'", env: 'A=1\nB=2', cwd: '/tmp', stdin: 'one two\n\u0004' },
      embed: true,
    });
  });

  it('?elf=URL and missing settings', () => {
    const link = formatShareLink(base, { program: { kind: 'url', url: 'https://other.example/bin/hello?x=1&y' }, settings: {}, embed: false });
    expect(parseShareLink(link)).toEqual({ program: { kind: 'url', url: 'https://other.example/bin/hello?x=1&y' }, settings: {}, embed: false });
    expect(parseShareLink(base).program).toBeNull();
  });

  it('a program embedded in the fragment comes back byte for byte', async () => {
    const bytes = new Uint8Array(70000).map((_, i) => (i * 7919) % 251);
    const packed = await embedProgram(bytes);
    if (!('data' in packed)) throw new Error('too big');
    const link = formatShareLink(base, { program: { kind: 'embedded', name: 'my prog', data: packed.data }, settings: { args: 'x' }, embed: false });
    expect(new URL(link).hash).toMatch(/^#name=my\+prog&elf=[A-Za-z0-9_-]+$/);
    const parsed = parseShareLink(link);
    expect(parsed.program?.kind).toBe('embedded');
    if (parsed.program?.kind !== 'embedded') return;
    expect(parsed.program.name).toBe('my prog');
    expect(await unembedProgram(parsed.program.data)).toEqual(bytes);
  });

  it('a program too big for a link is reported with its compressed size', async () => {
    const noise = new Uint8Array(MAX_EMBEDDED + 4096);
    for (let i = 0, x = 12345; i < noise.length; i++) noise[i] = (x = (Math.imul(x, 1103515245) + 12345) >>> 0) >>> 24;
    const r = await embedProgram(noise);
    expect('tooBig' in r && r.tooBig > MAX_EMBEDDED).toBe(true);
  });

  it('base64url round-trips every byte value', () => {
    const all = new Uint8Array(256).map((_, i) => i);
    const text = toBase64Url(all);
    expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(fromBase64Url(text)).toEqual(all);
  });
});
