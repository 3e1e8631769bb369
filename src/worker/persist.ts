/**
 * Keeps the user's files across page reloads: the tree under /home/user (uploads, folders, what
 * programs wrote there), minus the programs the page loaded to run (they come back when dropped
 * again, and can be large), saved in IndexedDB as a MemFs snapshot subset. /tmp and /etc are not
 * kept: /tmp is scratch space, /etc is written by the session. A small wrapper of our own over
 * IndexedDB (available in workers), no dependency.
 */
import type { MemFs, MemFsEntry, MemFsSnapshot } from '../core/vfs/memfs.js';
import { S_IFDIR, S_IFLNK, S_IFMT, S_IFREG } from '../core/vfs/types.js';

const DB_NAME = 'a64play';
const STORE = 'files';
const KEY = 'home';
/** Beyond this many bytes of file data, nothing more is saved (IndexedDB quotas vary). */
export const PERSIST_LIMIT = 64 << 20;

/** The entries under `root` worth keeping (parents first), without the `skip` paths. */
export function persistentEntries(fs: MemFs, root: string, skip: ReadonlySet<string>): { snapshot: MemFsSnapshot; truncated: boolean } {
  const kept = new Set<string>();
  const entries: MemFsEntry[] = [];
  let bytes = 0;
  let truncated = false;
  for (const e of fs.exportSnapshot().entries) {
    if (!e.path.startsWith(root + '/') || skip.has(e.path)) continue;
    const parent = e.path.slice(0, e.path.lastIndexOf('/'));
    if (parent !== root && !kept.has(parent)) continue;
    if (e.linkOf !== undefined && !kept.has(e.linkOf)) continue;
    const size = e.data?.length ?? 0;
    if (bytes + size > PERSIST_LIMIT) {
      truncated = true;
      continue;
    }
    bytes += size;
    kept.add(e.path);
    entries.push(e);
  }
  return { snapshot: { version: 1, entries }, truncated };
}

/** Writes saved entries into the filesystem (over what is there); a bad entry is skipped. */
export function restoreEntries(fs: MemFs, snapshot: MemFsSnapshot): number {
  let n = 0;
  for (const e of snapshot.entries) {
    try {
      const type = e.mode & S_IFMT;
      if (e.linkOf !== undefined) {
        fs.link(e.linkOf, e.path);
      } else if (type === S_IFDIR) {
        fs.mkdirp(e.path);
        fs.chmod(e.path, e.mode & 0o7777);
      } else if (type === S_IFREG) {
        const data = e.data ?? new Uint8Array(0);
        fs.writeFile(e.path, data, e.mode & 0o7777);
        if (e.size !== undefined && e.size > data.length) fs.truncate(e.path, e.size);
      } else if (type === S_IFLNK && e.target !== undefined) {
        fs.symlink(e.target, e.path);
      } else continue;
      if (e.mtimeNs !== undefined) fs.utimes(e.path, e.atimeNs ?? e.mtimeNs, e.mtimeNs, false);
      n++;
    } catch {
      // a file that cannot be restored (a name that became a directory…) is left out
    }
  }
  return n;
}

// ---------------------------------------------------------------- IndexedDB

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error ?? new Error('IndexedDB request failed'));
  });
}

let dbPromise: Promise<IDBDatabase> | null = null;

function openDb(): Promise<IDBDatabase> {
  if (typeof indexedDB === 'undefined') return Promise.reject(new Error('IndexedDB is unavailable'));
  dbPromise ??= new Promise((resolve, reject) => {
    const r = indexedDB.open(DB_NAME, 1);
    r.onupgradeneeded = () => r.result.createObjectStore(STORE);
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error ?? new Error('IndexedDB could not be opened'));
    r.onblocked = () => reject(new Error('IndexedDB is blocked by another tab'));
  });
  return dbPromise;
}

export async function loadSaved(): Promise<MemFsSnapshot | null> {
  const db = await openDb();
  const value = (await request(db.transaction(STORE, 'readonly').objectStore(STORE).get(KEY))) as MemFsSnapshot | undefined;
  return value && value.version === 1 && Array.isArray(value.entries) ? value : null;
}

export async function save(snapshot: MemFsSnapshot): Promise<void> {
  const db = await openDb();
  const tx = db.transaction(STORE, 'readwrite');
  tx.objectStore(STORE).put(snapshot, KEY);
  await new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB write failed'));
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB write aborted'));
  });
}

/**
 * Saves at most once per `delayMs` after changes (the latest state wins); `flush` saves now.
 * Failures go to `onError` once per kind of failure, not on every change.
 */
export function saver(take: () => MemFsSnapshot, onError: (message: string) => void, delayMs = 300) {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let lastError = '';
  const run = () => {
    timer = null;
    save(take()).then(
      () => (lastError = ''),
      (e: unknown) => {
        const m = e instanceof Error ? e.message : String(e);
        if (m !== lastError) onError(`files could not be saved for the next visit: ${m}`);
        lastError = m;
      },
    );
  };
  return {
    changed(): void {
      if (timer === null) timer = setTimeout(run, delayMs);
    },
  };
}
