/**
 * The files panel's operations on the session's MemFs (the root filesystem; /dev and /proc are
 * other mounts and are not shown). Each throws an Error with a one-line message on failure.
 */
import { errnoNames } from '../core/linux/errno.js';
import type { MemFs } from '../core/vfs/memfs.js';
import { S_IFDIR, S_IFLNK, S_IFMT, S_IFREG } from '../core/vfs/types.js';
import { normalizePath } from '../core/vfs/vfs.js';

export type FileKind = 'dir' | 'file' | 'link' | 'other';

export interface FileEntry {
  name: string;
  /** absolute path */
  path: string;
  kind: FileKind;
  size: number;
  mtimeMs: number;
  /** permission bits */
  mode: number;
}

const fail = (op: string, path: string, e: number): never => {
  throw new Error(`${op} ${path}: ${errnoNames[-e] ?? `errno ${-e}`}`);
};

function kindOf(mode: number): FileKind {
  switch (mode & S_IFMT) {
    case S_IFDIR:
      return 'dir';
    case S_IFREG:
      return 'file';
    case S_IFLNK:
      return 'link';
    default:
      return 'other';
  }
}

const join = (dir: string, name: string) => (dir === '/' ? '/' + name : dir + '/' + name);

/** One directory's entries, directories first, then by name. */
export function listDir(fs: MemFs, path: string): FileEntry[] {
  const dir = normalizePath(path);
  const ents = fs.readdir(dir);
  if (typeof ents === 'number') return fail('list', dir, ents);
  const out: FileEntry[] = [];
  for (const d of ents) {
    if (d.name === '.' || d.name === '..') continue;
    const p = join(dir, d.name);
    const st = fs.stat(p, false);
    if (typeof st === 'number') continue;
    out.push({ name: d.name, path: p, kind: kindOf(st.mode), size: st.size, mtimeMs: Math.floor(st.mtimeNs / 1e6), mode: st.mode & 0o7777 });
  }
  out.sort((a, b) => (a.kind === 'dir') !== (b.kind === 'dir') ? (a.kind === 'dir' ? -1 : 1) : a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  return out;
}

export function readFile(fs: MemFs, path: string): Uint8Array {
  return fs.readFile(normalizePath(path));
}

/** Writes a file (parents are created); an existing file keeps its mode. */
export function writeFile(fs: MemFs, path: string, bytes: Uint8Array, mode?: number): void {
  const p = normalizePath(path);
  const st = fs.stat(p, true);
  if (typeof st !== 'number' && (st.mode & S_IFMT) === S_IFDIR) fail('write', p, -21 /* EISDIR */);
  fs.writeFile(p, bytes, mode ?? (typeof st === 'number' ? 0o644 : st.mode & 0o7777));
}

export function makeDir(fs: MemFs, path: string): void {
  const p = normalizePath(path);
  const e = fs.mkdir(p, 0o755);
  if (e < 0) fail('mkdir', p, e);
}

/** Deletes a file, a symlink or a whole directory tree. '/' cannot go. */
export function remove(fs: MemFs, path: string): void {
  const p = normalizePath(path);
  if (p === '/') throw new Error('the root directory cannot be deleted');
  const st = fs.stat(p, false);
  if (typeof st === 'number') return fail('delete', p, st);
  if ((st.mode & S_IFMT) === S_IFDIR) {
    const ents = fs.readdir(p);
    if (typeof ents === 'number') return fail('delete', p, ents);
    for (const d of ents) if (d.name !== '.' && d.name !== '..') remove(fs, join(p, d.name));
    const e = fs.rmdir(p);
    if (e < 0) fail('delete', p, e);
  } else {
    const e = fs.unlink(p);
    if (e < 0) fail('delete', p, e);
  }
}
