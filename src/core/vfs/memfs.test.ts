import { beforeEach, describe, expect, it } from 'vitest';
import {
  EBADF, EBUSY, EEXIST, EFBIG, EINVAL, EISDIR, ELOOP, ENAMETOOLONG, ENOENT, ENOTDIR, ENOTEMPTY, EPERM, EACCES,
} from '../linux/errno.js';
import { utf8Decode, utf8Encode } from '../util/utf8.js';
import {
  O_APPEND, O_CREAT, O_DIRECTORY, O_EXCL, O_NOFOLLOW, O_PATH, O_RDONLY, O_RDWR, O_TMPFILE, O_TRUNC, O_WRONLY,
  RENAME_EXCHANGE, RENAME_NOREPLACE, R_OK, W_OK, X_OK, __O_TMPFILE,
} from './flags.js';
import { MemFs, type MemFsSnapshot } from './memfs.js';
import { type Dirent, type FileHandle, S_IFDIR, S_IFIFO, S_IFLNK, S_IFMT, S_IFREG, S_IFSOCK, type Stat } from './types.js';

const DT_DIR = 4;
const DT_REG = 8;
const DT_LNK = 10;
const SEC = 1e9;

let now = 0;
let fs: MemFs;

beforeEach(() => {
  now = 1_700_000_000 * SEC;
  fs = new MemFs({ clock: () => now });
});

function st(path: string, follow = true): Stat {
  const s = fs.stat(path, follow);
  if (typeof s === 'number') throw new Error(`stat ${path}: ${s}`);
  return s;
}

function open(path: string, flags: number, mode = 0o644): FileHandle {
  const h = fs.open(path, flags, mode);
  if (typeof h === 'number') throw new Error(`open ${path}: ${h}`);
  return h;
}

function read(h: FileHandle, pos: number, len = 64): string {
  const buf = new Uint8Array(len);
  const n = h.read(buf, pos);
  if (n < 0) throw new Error(`read: ${n}`);
  return utf8Decode(buf.subarray(0, n));
}

function text(path: string): string {
  return utf8Decode(fs.readFile(path));
}

function names(list: Dirent[] | number): string[] {
  if (typeof list === 'number') throw new Error(`readdir: ${list}`);
  return list.map((d) => d.name);
}

const bytes = (s: string): Uint8Array => utf8Encode(s);

describe('the empty filesystem', () => {
  it('has a root directory', () => {
    const s = st('/');
    expect(s.mode).toBe(S_IFDIR | 0o755);
    expect(s.nlink).toBe(2);
    expect(s.ino).toBe(1);
    expect(s.dev).toBe(0x2a);
    expect(s.atimeNs).toBe(now);
    expect(names(fs.readdir('/'))).toEqual(['.', '..']);
    expect(fs.kind).toBe('tmpfs');
  });

  it('treats "" and "/" and "/." and "/.." as the root', () => {
    for (const p of ['', '/', '/.', '/..', '//', '/./..']) expect(st(p).ino).toBe(1);
  });

  it('takes options', () => {
    const m = new MemFs({ dev: 7, kind: 'memfs', clock: () => 5 });
    expect(m.kind).toBe('memfs');
    const s = m.stat('/', true) as Stat;
    expect(s.dev).toBe(7);
    expect(s.mtimeNs).toBe(5);
  });

  it('defaults the clock to the wall clock in nanoseconds', () => {
    const before = Date.now() * 1e6;
    const s = new MemFs().stat('/', true) as Stat;
    expect(s.mtimeNs).toBeGreaterThanOrEqual(before);
    expect(s.mtimeNs).toBeLessThanOrEqual(Date.now() * 1e6);
  });
});

describe('open and create', () => {
  it('creates a regular file with O_CREAT and the given mode', () => {
    const h = open('/a', O_WRONLY | O_CREAT, 0o640);
    const s = h.stat() as Stat;
    expect(s.mode).toBe(S_IFREG | 0o640);
    expect(s.size).toBe(0);
    expect(s.nlink).toBe(1);
    expect(s.blksize).toBe(4096);
    expect(s.blocks).toBe(0);
    expect(h.seekable).toBe(true);
    expect(h.path).toBe('/a');
    h.close();
    expect(st('/a').ino).toBe(s.ino);
  });

  it('keeps only permission bits of the creation mode', () => {
    open('/a', O_CREAT | O_WRONLY, 0o177777).close();
    expect(st('/a').mode).toBe(S_IFREG | 0o7777);
  });

  it('gives each inode its own number', () => {
    open('/a', O_CREAT | O_WRONLY).close();
    open('/b', O_CREAT | O_WRONLY).close();
    fs.mkdir('/c', 0o755);
    const inos = new Set([st('/').ino, st('/a').ino, st('/b').ino, st('/c').ino]);
    expect(inos.size).toBe(4);
  });

  it('fails with ENOENT without O_CREAT', () => {
    expect(fs.open('/nope', O_RDONLY, 0)).toBe(-ENOENT);
  });

  it('fails with ENOENT when a parent is missing', () => {
    expect(fs.open('/no/file', O_CREAT | O_WRONLY, 0o644)).toBe(-ENOENT);
  });

  it('fails with ENOTDIR when a parent is a file', () => {
    fs.writeFile('/f', 'x');
    expect(fs.open('/f/file', O_CREAT | O_WRONLY, 0o644)).toBe(-ENOTDIR);
    expect(fs.stat('/f/x', true)).toBe(-ENOTDIR);
  });

  it('opens an existing file with O_CREAT without truncating it', () => {
    fs.writeFile('/a', 'hello');
    const h = open('/a', O_CREAT | O_RDWR);
    expect(read(h, 0)).toBe('hello');
  });

  it('fails with EEXIST for O_CREAT|O_EXCL on an existing name, even a dangling symlink', () => {
    fs.writeFile('/a', 'x');
    expect(fs.open('/a', O_CREAT | O_EXCL | O_WRONLY, 0o644)).toBe(-EEXIST);
    fs.symlink('/nowhere', '/dangling');
    expect(fs.open('/dangling', O_CREAT | O_EXCL | O_WRONLY, 0o644)).toBe(-EEXIST);
    expect(fs.stat('/nowhere', true)).toBe(-ENOENT);
    fs.mkdir('/d', 0o755);
    expect(fs.open('/d', O_CREAT | O_EXCL | O_WRONLY, 0o644)).toBe(-EEXIST);
  });

  it('creates a new file with O_CREAT|O_EXCL', () => {
    open('/a', O_CREAT | O_EXCL | O_WRONLY).close();
    expect(st('/a').mode & S_IFMT).toBe(S_IFREG);
  });

  it('truncates with O_TRUNC and stamps mtime and ctime', () => {
    fs.writeFile('/a', 'hello');
    now += SEC;
    open('/a', O_WRONLY | O_TRUNC).close();
    const s = st('/a');
    expect(s.size).toBe(0);
    expect(s.mtimeNs).toBe(now);
    expect(s.ctimeNs).toBe(now);
    now += SEC;
    open('/a', O_WRONLY | O_TRUNC).close(); // already empty: still stamped
    expect(st('/a').mtimeNs).toBe(now);
  });

  it('truncates with O_RDONLY|O_TRUNC too, as Linux does', () => {
    fs.writeFile('/a', 'hello');
    open('/a', O_RDONLY | O_TRUNC).close();
    expect(st('/a').size).toBe(0);
  });

  it('stamps the parent directory when creating', () => {
    fs.mkdir('/d', 0o755);
    now += SEC;
    open('/d/a', O_CREAT | O_WRONLY).close();
    expect(st('/d').mtimeNs).toBe(now);
    expect(st('/d').ctimeNs).toBe(now);
    expect(st('/d/a').atimeNs).toBe(now);
  });

  it('opens directories read-only only', () => {
    fs.mkdir('/d', 0o755);
    const h = open('/d', O_RDONLY);
    expect((h.stat() as Stat).mode & S_IFMT).toBe(S_IFDIR);
    expect(fs.open('/d', O_WRONLY, 0)).toBe(-EISDIR);
    expect(fs.open('/d', O_RDWR, 0)).toBe(-EISDIR);
    expect(fs.open('/d', O_CREAT | O_RDONLY, 0o644)).toBe(-EISDIR);
    expect(fs.open('/d', O_RDONLY | O_TRUNC, 0)).toBe(-EISDIR);
    expect(fs.open('/', O_WRONLY, 0)).toBe(-EISDIR);
  });

  it('requires a directory with O_DIRECTORY', () => {
    fs.writeFile('/a', 'x');
    fs.mkdir('/d', 0o755);
    expect(fs.open('/a', O_RDONLY | O_DIRECTORY, 0)).toBe(-ENOTDIR);
    open('/d', O_RDONLY | O_DIRECTORY).close();
  });

  it('rejects O_CREAT|O_DIRECTORY with EINVAL (Linux 6.4+)', () => {
    expect(fs.open('/x', O_CREAT | O_DIRECTORY | O_RDONLY, 0o755)).toBe(-EINVAL);
  });

  it('fails with ELOOP for O_NOFOLLOW on a symlink', () => {
    fs.writeFile('/a', 'x');
    fs.symlink('a', '/l');
    expect(fs.open('/l', O_RDONLY | O_NOFOLLOW, 0)).toBe(-ELOOP);
    expect(fs.open('/l', O_CREAT | O_WRONLY | O_NOFOLLOW, 0o644)).toBe(-ELOOP);
    // O_NOFOLLOW only concerns the last component
    fs.mkdir('/d', 0o755);
    fs.writeFile('/d/f', 'y');
    fs.symlink('d', '/ld');
    const h = open('/ld/f', O_RDONLY | O_NOFOLLOW);
    expect(read(h, 0)).toBe('y');
  });

  it('applies trailing-slash rules', () => {
    fs.writeFile('/a', 'x');
    fs.mkdir('/d', 0o755);
    expect(fs.open('/a/', O_RDONLY, 0)).toBe(-ENOTDIR);
    expect(fs.open('/new/', O_CREAT | O_WRONLY, 0o644)).toBe(-EISDIR);
    expect(fs.open('/new/', O_RDONLY, 0)).toBe(-ENOENT);
    open('/d/', O_RDONLY).close();
    open('/d//', O_RDONLY).close();
  });

  it('creates the target of a dangling symlink with O_CREAT', () => {
    fs.mkdir('/d', 0o755);
    fs.symlink('/d/target', '/l');
    const h = open('/l', O_CREAT | O_WRONLY);
    h.write(bytes('via link'), 0);
    h.close();
    expect(text('/d/target')).toBe('via link');
    expect(st('/l', false).mode & S_IFMT).toBe(S_IFLNK);
  });

  it('fails with EISDIR for O_CREAT through a dangling symlink that ends in a slash', () => {
    fs.symlink('target/', '/l');
    expect(fs.open('/l', O_CREAT | O_WRONLY, 0o644)).toBe(-EISDIR);
  });

  it('checks the access mode on the handle', () => {
    fs.writeFile('/a', 'data');
    const r = open('/a', O_RDONLY);
    expect(r.write(bytes('x'), 0)).toBe(-EBADF);
    expect(r.truncate(0)).toBe(-EINVAL);
    const w = open('/a', O_WRONLY);
    expect(w.read(new Uint8Array(4), 0)).toBe(-EBADF);
    const ioctlOnly = open('/a', 3);
    expect(ioctlOnly.read(new Uint8Array(4), 0)).toBe(-EBADF);
    expect(ioctlOnly.write(bytes('x'), 0)).toBe(-EBADF);
    expect(ioctlOnly.stat()).not.toBeTypeOf('number');
  });

  it('fails with EBADF after close', () => {
    fs.writeFile('/a', 'data');
    const h = open('/a', O_RDWR);
    h.close();
    expect(h.read(new Uint8Array(4), 0)).toBe(-EBADF);
    expect(h.write(bytes('x'), 0)).toBe(-EBADF);
    expect(h.stat()).toBe(-EBADF);
    expect(h.truncate(0)).toBe(-EBADF);
    expect(h.sync()).toBe(-EBADF);
    fs.mkdir('/d', 0o755);
    const d = open('/d', O_RDONLY);
    d.close();
    expect(d.readdir!()).toBe(-EBADF);
  });

  it('rejects names longer than 255 bytes', () => {
    const long = 'x'.repeat(256);
    expect(fs.open('/' + long, O_CREAT | O_WRONLY, 0o644)).toBe(-ENAMETOOLONG);
    expect(fs.mkdir('/' + long, 0o755)).toBe(-ENAMETOOLONG);
    expect(fs.stat('/' + 'é'.repeat(128), true)).toBe(-ENAMETOOLONG); // 256 bytes in UTF-8
    open('/' + 'x'.repeat(255), O_CREAT | O_WRONLY).close();
  });

  it('rejects paths of 4096 bytes or more', () => {
    expect(fs.stat('/a'.repeat(2048), true)).toBe(-ENAMETOOLONG);
  });
});

describe('O_PATH and O_TMPFILE', () => {
  it('O_PATH names a file without reading or writing it', () => {
    fs.writeFile('/a', 'data');
    const h = open('/a', O_PATH);
    expect((h.stat() as Stat).size).toBe(4);
    expect(h.read(new Uint8Array(4), 0)).toBe(-EBADF);
    expect(h.write(bytes('x'), 0)).toBe(-EBADF);
    expect(h.truncate(0)).toBe(-EBADF);
    expect(h.sync()).toBe(-EBADF);
    expect(fs.open('/a', O_PATH | O_DIRECTORY, 0)).toBe(-ENOTDIR);
    expect(fs.open('/missing', O_PATH, 0)).toBe(-ENOENT);
  });

  it('O_PATH|O_NOFOLLOW opens the symlink itself', () => {
    fs.symlink('/nowhere', '/l');
    const h = open('/l', O_PATH | O_NOFOLLOW);
    expect((h.stat() as Stat).mode & S_IFMT).toBe(S_IFLNK);
    expect(fs.open('/l', O_PATH, 0)).toBe(-ENOENT);
  });

  it('O_PATH on a directory cannot list it', () => {
    fs.mkdir('/d', 0o755);
    const h = open('/d', O_PATH | O_DIRECTORY);
    expect(h.readdir!()).toBe(-EBADF);
  });

  it('O_TMPFILE makes an unnamed file in a directory', () => {
    fs.mkdir('/d', 0o755);
    const h = open('/d', O_TMPFILE | O_RDWR, 0o600);
    expect(h.write(bytes('temp'), 0)).toBe(4);
    expect(read(h, 0)).toBe('temp');
    const s = h.stat() as Stat;
    expect(s.nlink).toBe(0);
    expect(s.mode).toBe(S_IFREG | 0o600);
    expect(names(fs.readdir('/d'))).toEqual(['.', '..']);
  });

  it('O_TMPFILE needs write access and a directory', () => {
    fs.writeFile('/a', 'x');
    expect(fs.open('/', O_TMPFILE | O_RDONLY, 0o600)).toBe(-EINVAL);
    expect(fs.open('/a', O_TMPFILE | O_RDWR, 0o600)).toBe(-ENOTDIR);
    expect(fs.open('/missing', O_TMPFILE | O_RDWR, 0o600)).toBe(-ENOENT);
    expect(fs.open('/', __O_TMPFILE | O_RDWR, 0o600)).toBe(-EINVAL); // without O_DIRECTORY
  });
});

describe('reading and writing', () => {
  it('writes and reads at explicit positions', () => {
    const h = open('/a', O_CREAT | O_RDWR);
    expect(h.write(bytes('hello world'), 0)).toBe(11);
    expect(h.write(bytes('W'), 6)).toBe(1);
    expect(read(h, 0)).toBe('hello World');
    expect(read(h, 6, 3)).toBe('Wor');
    expect(read(h, 11)).toBe('');
    expect(read(h, 100)).toBe('');
    expect((h.stat() as Stat).size).toBe(11);
  });

  it('zero-fills a sparse write beyond the end', () => {
    const h = open('/a', O_CREAT | O_RDWR);
    h.write(bytes('ab'), 0);
    expect(h.write(bytes('z'), 10)).toBe(1);
    const buf = new Uint8Array(20).fill(0xee);
    expect(h.read(buf, 0)).toBe(11);
    expect([...buf.subarray(0, 11)]).toEqual([97, 98, 0, 0, 0, 0, 0, 0, 0, 0, 122]);
    expect(buf[11]).toBe(0xee);
  });

  it('reads zeros from a hole made by truncating up', () => {
    const h = open('/a', O_CREAT | O_RDWR);
    h.write(bytes('abcdef'), 0);
    expect(h.truncate(2)).toBe(0);
    expect(h.truncate(100000)).toBe(0);
    const s = h.stat() as Stat;
    expect(s.size).toBe(100000);
    expect(s.blocks).toBe(8); // only the stored page counts
    const buf = new Uint8Array(8).fill(1);
    expect(h.read(buf, 0)).toBe(8);
    expect([...buf]).toEqual([97, 98, 0, 0, 0, 0, 0, 0]);
    buf.fill(1);
    expect(h.read(buf, 99996)).toBe(4);
    expect([...buf.subarray(0, 4)]).toEqual([0, 0, 0, 0]);
  });

  it('does not resurrect truncated bytes when the file grows again', () => {
    const h = open('/a', O_CREAT | O_RDWR);
    h.write(bytes('abcdef'), 0);
    h.truncate(1);
    h.write(bytes('Z'), 5);
    const buf = new Uint8Array(6);
    h.read(buf, 0);
    expect([...buf]).toEqual([97, 0, 0, 0, 0, 90]);
  });

  it('grows across many writes', () => {
    const h = open('/a', O_CREAT | O_RDWR);
    const chunk = new Uint8Array(1000);
    for (let i = 0; i < 100; i++) {
      chunk.fill(i);
      expect(h.write(chunk, i * 1000)).toBe(1000);
    }
    const s = h.stat() as Stat;
    expect(s.size).toBe(100000);
    expect(s.blocks).toBe(Math.ceil(100000 / 4096) * 8);
    const buf = new Uint8Array(1);
    h.read(buf, 54321);
    expect(buf[0]).toBe(54);
  });

  it('appends with O_APPEND whatever position it is given', () => {
    fs.writeFile('/a', 'one');
    const h = open('/a', O_WRONLY | O_APPEND);
    expect(h.write(bytes('two'), 0)).toBe(3);
    expect(h.write(bytes('three'), 1)).toBe(5);
    expect(text('/a')).toBe('onetwothree');
  });

  it('stamps mtime and ctime on write and leaves them on an empty write', () => {
    const h = open('/a', O_CREAT | O_RDWR);
    now += SEC;
    h.write(bytes('x'), 0);
    expect((h.stat() as Stat).mtimeNs).toBe(now);
    expect((h.stat() as Stat).ctimeNs).toBe(now);
    const before = now;
    now += SEC;
    expect(h.write(new Uint8Array(0), 0)).toBe(0);
    expect((h.stat() as Stat).mtimeNs).toBe(before);
  });

  it('updates atime with relatime rules', () => {
    fs.writeFile('/a', 'x');
    const created = now;
    now += SEC;
    const h = open('/a', O_RDONLY);
    read(h, 0); // atime <= mtime: updated
    expect(st('/a').atimeNs).toBe(now);
    const first = now;
    now += SEC;
    read(h, 0); // atime newer than mtime and ctime, less than a day old: unchanged
    expect(st('/a').atimeNs).toBe(first);
    now += 86_400 * SEC;
    read(h, 0); // a day later: updated
    expect(st('/a').atimeNs).toBe(now);
    expect(st('/a').mtimeNs).toBe(created);
  });

  it('rejects negative positions', () => {
    const h = open('/a', O_CREAT | O_RDWR);
    expect(h.read(new Uint8Array(1), -1)).toBe(-EINVAL);
    expect(h.write(bytes('x'), -1)).toBe(-EINVAL);
  });

  it('enforces the maximum file size with EFBIG and short writes', () => {
    const small = new MemFs({ maxFileSize: 10 });
    const h = small.open('/a', O_CREAT | O_RDWR, 0o644) as FileHandle;
    expect(h.write(bytes('0123456789abc'), 0)).toBe(10);
    expect(h.write(bytes('x'), 10)).toBe(-EFBIG);
    expect(h.truncate(11)).toBe(-EFBIG);
    expect(small.truncate('/a', 11)).toBe(-EFBIG);
    expect(h.write(bytes('x'), 2 ** 40)).toBe(-EFBIG);
  });

  it('reports EISDIR for reading a directory handle and EBADF for writing it', () => {
    fs.mkdir('/d', 0o755);
    const h = open('/d', O_RDONLY);
    expect(h.read(new Uint8Array(4), 0)).toBe(-EISDIR);
    expect(h.write(bytes('x'), 0)).toBe(-EBADF);
    expect(h.truncate(0)).toBe(-EINVAL);
    expect(h.sync()).toBe(0);
  });

  it('readdir on a file handle fails with ENOTDIR', () => {
    fs.writeFile('/a', 'x');
    expect(open('/a', O_RDONLY).readdir!()).toBe(-ENOTDIR);
  });

  it('truncates through the handle with truncate(2) timestamp rules', () => {
    const h = open('/a', O_CREAT | O_RDWR);
    h.write(bytes('abc'), 0);
    now += SEC;
    expect(h.truncate(3)).toBe(0); // same size: times unchanged
    expect((h.stat() as Stat).mtimeNs).toBe(now - SEC);
    expect(h.truncate(1)).toBe(0);
    expect((h.stat() as Stat).mtimeNs).toBe(now);
    expect(read(h, 0)).toBe('a');
    expect(h.truncate(-1)).toBe(-EINVAL);
  });
});

describe('stat and lstat', () => {
  it('reports sizes of files, directories and symlinks', () => {
    fs.writeFile('/a', 'hello');
    fs.mkdir('/d', 0o700);
    fs.symlink('a-target-é', '/l');
    expect(st('/a').size).toBe(5);
    expect(st('/a').blocks).toBe(8);
    expect(st('/d').mode).toBe(S_IFDIR | 0o700);
    expect(st('/d').size).toBe(40); // tmpfs: two bogus entries of 20 bytes
    const l = st('/l', false);
    expect(l.mode).toBe(S_IFLNK | 0o777);
    expect(l.size).toBe(11); // bytes of the target in UTF-8
    expect(l.blocks).toBe(0);
    fs.writeFile('/d/x', '');
    expect(st('/d').size).toBe(60);
  });

  it('follows symlinks for stat and not for lstat', () => {
    fs.writeFile('/a', 'hello');
    fs.symlink('a', '/l');
    expect(st('/l').ino).toBe(st('/a').ino);
    expect(st('/l', false).ino).not.toBe(st('/a').ino);
  });

  it('fails with ENOENT for missing names and dangling symlinks', () => {
    expect(fs.stat('/nope', true)).toBe(-ENOENT);
    fs.symlink('nope', '/l');
    expect(fs.stat('/l', true)).toBe(-ENOENT);
    expect(st('/l', false).mode & S_IFMT).toBe(S_IFLNK);
  });

  it('follows a symlink with a trailing slash even for lstat, and demands a directory', () => {
    fs.mkdir('/d', 0o755);
    fs.writeFile('/a', 'x');
    fs.symlink('d', '/ld');
    fs.symlink('a', '/la');
    expect(st('/ld/', false).mode & S_IFMT).toBe(S_IFDIR);
    expect(fs.stat('/la/', false)).toBe(-ENOTDIR);
    expect(fs.stat('/a/', true)).toBe(-ENOTDIR);
    expect(fs.stat('/a/.', true)).toBe(-ENOTDIR);
  });

  it('resolves . and .. components', () => {
    fs.mkdirp('/a/b/c');
    expect(st('/a/b/../b/./c/..').ino).toBe(st('/a/b').ino);
    expect(st('/a/../..').ino).toBe(1);
  });
});

describe('symlink resolution', () => {
  beforeEach(() => {
    fs.mkdirp('/usr/lib');
    fs.writeFile('/usr/lib/libc.so', 'libc');
  });

  it('resolves absolute targets from the filesystem root', () => {
    fs.mkdir('/lib', 0o755);
    fs.symlink('/usr/lib/libc.so', '/lib/libc.so.6');
    expect(text('/lib/libc.so.6')).toBe('libc');
  });

  it('resolves relative targets from the link directory', () => {
    fs.mkdir('/lib', 0o755);
    fs.symlink('../usr/lib/libc.so', '/lib/rel');
    expect(text('/lib/rel')).toBe('libc');
    fs.symlink('libc.so', '/usr/lib/short');
    expect(text('/usr/lib/short')).toBe('libc');
  });

  it('follows symlinks in the middle of a path, even with lstat', () => {
    fs.symlink('usr/lib', '/lib');
    expect(text('/lib/libc.so')).toBe('libc');
    expect(st('/lib/libc.so', false).mode & S_IFMT).toBe(S_IFREG);
  });

  it('follows chains of symlinks', () => {
    fs.symlink('/usr/lib/libc.so', '/l1');
    fs.symlink('l1', '/l2');
    fs.symlink('/l2', '/l3');
    expect(text('/l3')).toBe('libc');
  });

  it('refuses to make a symlink with an empty target', () => {
    expect(fs.symlink('', '/l')).toBe(-ENOENT);
  });

  it('fails with ENOTDIR when a symlink in the middle names a file', () => {
    fs.symlink('/usr/lib/libc.so', '/l');
    expect(fs.stat('/l/x', true)).toBe(-ENOTDIR);
  });

  it('fails with ENOENT when a symlink in the middle dangles', () => {
    fs.symlink('/nope', '/l');
    expect(fs.stat('/l/x', true)).toBe(-ENOENT);
  });

  it('fails with ELOOP for a loop', () => {
    fs.symlink('b', '/a');
    fs.symlink('a', '/b');
    expect(fs.stat('/a', true)).toBe(-ELOOP);
    expect(fs.open('/a', O_RDONLY, 0)).toBe(-ELOOP);
    expect(fs.stat('/a/x', false)).toBe(-ELOOP);
    fs.symlink('self', '/self');
    expect(fs.stat('/self', true)).toBe(-ELOOP);
  });

  it('allows 40 hops and refuses the 41st', () => {
    fs.symlink('/usr/lib/libc.so', '/h0');
    for (let i = 1; i < 41; i++) fs.symlink(`h${i - 1}`, `/h${i}`);
    expect(text('/h39')).toBe('libc'); // 40 links
    expect(fs.stat('/h40', true)).toBe(-ELOOP); // 41 links
  });

  it('resolves a link to a directory ending in a slash', () => {
    fs.symlink('/usr/lib/', '/l');
    expect(text('/l/libc.so')).toBe('libc');
    fs.symlink('/usr/lib/libc.so/', '/bad');
    expect(fs.stat('/bad', true)).toBe(-ENOTDIR);
  });

  it('resolves links to . and ..', () => {
    fs.symlink('.', '/usr/lib/here');
    fs.symlink('..', '/usr/lib/up');
    expect(st('/usr/lib/here').ino).toBe(st('/usr/lib').ino);
    expect(st('/usr/lib/up').ino).toBe(st('/usr').ino);
    expect(text('/usr/lib/here/here/libc.so')).toBe('libc');
  });
});

describe('mkdir and rmdir', () => {
  it('makes a directory with nlink 2 and bumps the parent nlink', () => {
    expect(fs.mkdir('/d', 0o750)).toBe(0);
    expect(st('/d').mode).toBe(S_IFDIR | 0o750);
    expect(st('/d').nlink).toBe(2);
    expect(st('/').nlink).toBe(3);
    fs.mkdir('/d/e', 0o755);
    expect(st('/d').nlink).toBe(3);
  });

  it('keeps the sticky bit but no other special bits', () => {
    fs.mkdir('/t', 0o1777);
    expect(st('/t').mode).toBe(S_IFDIR | 0o1777);
  });

  it('stamps the parent', () => {
    now += SEC;
    fs.mkdir('/d', 0o755);
    expect(st('/').mtimeNs).toBe(now);
  });

  it('fails with EEXIST for existing names of any kind, and for . .. and /', () => {
    fs.mkdir('/d', 0o755);
    fs.writeFile('/a', 'x');
    fs.symlink('nowhere', '/l');
    expect(fs.mkdir('/d', 0o755)).toBe(-EEXIST);
    expect(fs.mkdir('/a', 0o755)).toBe(-EEXIST);
    expect(fs.mkdir('/l', 0o755)).toBe(-EEXIST);
    expect(fs.mkdir('/', 0o755)).toBe(-EEXIST);
    expect(fs.mkdir('/d/.', 0o755)).toBe(-EEXIST);
    expect(fs.mkdir('/d/..', 0o755)).toBe(-EEXIST);
  });

  it('fails with ENOENT or ENOTDIR for a bad parent', () => {
    fs.writeFile('/a', 'x');
    expect(fs.mkdir('/no/d', 0o755)).toBe(-ENOENT);
    expect(fs.mkdir('/a/d', 0o755)).toBe(-ENOTDIR);
  });

  it('accepts a trailing slash', () => {
    expect(fs.mkdir('/d/', 0o755)).toBe(0);
    expect(st('/d').mode & S_IFMT).toBe(S_IFDIR);
  });

  it('removes an empty directory', () => {
    fs.mkdir('/d', 0o755);
    now += SEC;
    expect(fs.rmdir('/d')).toBe(0);
    expect(fs.stat('/d', true)).toBe(-ENOENT);
    expect(st('/').nlink).toBe(2);
    expect(st('/').mtimeNs).toBe(now);
  });

  it('removes with a trailing slash', () => {
    fs.mkdir('/d', 0o755);
    expect(fs.rmdir('/d/')).toBe(0);
  });

  it('refuses non-empty directories, files, symlinks, missing names, . .. and /', () => {
    fs.mkdirp('/d/e');
    fs.writeFile('/a', 'x');
    fs.symlink('d', '/l');
    expect(fs.rmdir('/d')).toBe(-ENOTEMPTY);
    expect(fs.rmdir('/a')).toBe(-ENOTDIR);
    expect(fs.rmdir('/l')).toBe(-ENOTDIR);
    expect(fs.rmdir('/l/')).toBe(-ENOTDIR);
    expect(fs.rmdir('/nope')).toBe(-ENOENT);
    expect(fs.rmdir('/d/e/.')).toBe(-EINVAL);
    expect(fs.rmdir('/d/e/..')).toBe(-ENOTEMPTY);
    expect(fs.rmdir('/')).toBe(-EBUSY);
    expect(fs.rmdir('/a/x')).toBe(-ENOTDIR);
  });

  it('leaves an open handle on a removed directory listing nothing', () => {
    fs.mkdir('/d', 0o755);
    const h = open('/d', O_RDONLY);
    fs.rmdir('/d');
    expect(h.readdir!()).toEqual([]);
    expect((h.stat() as Stat).nlink).toBe(0);
  });
});

describe('unlink', () => {
  it('removes a name and stamps the parent', () => {
    fs.writeFile('/a', 'x');
    now += SEC;
    expect(fs.unlink('/a')).toBe(0);
    expect(fs.stat('/a', true)).toBe(-ENOENT);
    expect(st('/').mtimeNs).toBe(now);
  });

  it('removes a symlink, not its target', () => {
    fs.writeFile('/a', 'x');
    fs.symlink('a', '/l');
    expect(fs.unlink('/l')).toBe(0);
    expect(text('/a')).toBe('x');
  });

  it('keeps the data of an open file until it is closed', () => {
    fs.writeFile('/a', 'still here');
    const h = open('/a', O_RDWR);
    expect(fs.unlink('/a')).toBe(0);
    expect(read(h, 0)).toBe('still here');
    expect(h.write(bytes('STILL'), 0)).toBe(5);
    expect(read(h, 0)).toBe('STILL here');
    expect((h.stat() as Stat).nlink).toBe(0);
    // a new file of the same name is another inode
    fs.writeFile('/a', 'new');
    expect(read(h, 0)).toBe('STILL here');
    h.close();
    expect(text('/a')).toBe('new');
  });

  it('refuses directories, missing names, trailing slashes and the root', () => {
    fs.mkdir('/d', 0o755);
    fs.writeFile('/a', 'x');
    fs.symlink('d', '/l');
    expect(fs.unlink('/d')).toBe(-EISDIR);
    expect(fs.unlink('/d/')).toBe(-EISDIR);
    expect(fs.unlink('/nope')).toBe(-ENOENT);
    expect(fs.unlink('/nope/')).toBe(-ENOENT);
    expect(fs.unlink('/a/')).toBe(-ENOTDIR);
    expect(fs.unlink('/l/')).toBe(-ENOTDIR);
    expect(fs.unlink('/')).toBe(-EISDIR);
    expect(fs.unlink('/d/.')).toBe(-EISDIR);
    expect(fs.unlink('/a/b')).toBe(-ENOTDIR);
  });
});

describe('hard links', () => {
  it('adds a name to the same inode and counts links', () => {
    fs.writeFile('/a', 'shared');
    now += SEC;
    expect(fs.link('/a', '/b')).toBe(0);
    expect(st('/b').ino).toBe(st('/a').ino);
    expect(st('/a').nlink).toBe(2);
    expect(st('/a').ctimeNs).toBe(now);
    expect(st('/').mtimeNs).toBe(now);
    const h = open('/b', O_WRONLY);
    h.write(bytes('SHARED'), 0);
    expect(text('/a')).toBe('SHARED');
    fs.unlink('/a');
    expect(st('/b').nlink).toBe(1);
    expect(text('/b')).toBe('SHARED');
  });

  it('links a symlink itself, not its target', () => {
    fs.writeFile('/a', 'x');
    fs.symlink('a', '/l');
    expect(fs.link('/l', '/l2')).toBe(0);
    expect(st('/l2', false).ino).toBe(st('/l', false).ino);
    expect(st('/l', false).nlink).toBe(2);
  });

  it('refuses directories, existing names, missing sources and trailing slashes', () => {
    fs.writeFile('/a', 'x');
    fs.writeFile('/b', 'y');
    fs.mkdir('/d', 0o755);
    expect(fs.link('/d', '/d2')).toBe(-EPERM);
    expect(fs.link('/a', '/b')).toBe(-EEXIST);
    expect(fs.link('/a', '/d')).toBe(-EEXIST);
    expect(fs.link('/a', '/d/.')).toBe(-EEXIST);
    expect(fs.link('/nope', '/c')).toBe(-ENOENT);
    expect(fs.link('/a', '/c/')).toBe(-ENOENT);
    expect(fs.link('/a/', '/c')).toBe(-ENOTDIR);
    expect(fs.link('/a', '/no/c')).toBe(-ENOENT);
  });
});

describe('symlink and readlink', () => {
  it('creates a symlink and reads its target', () => {
    now += SEC;
    expect(fs.symlink('some/where', '/l')).toBe(0);
    expect(fs.readlink('/l')).toBe('some/where');
    expect(st('/').mtimeNs).toBe(now);
  });

  it('refuses an empty target, existing names and trailing slashes', () => {
    fs.writeFile('/a', 'x');
    expect(fs.symlink('', '/l')).toBe(-ENOENT);
    expect(fs.symlink('x', '/a')).toBe(-EEXIST);
    expect(fs.symlink('x', '/')).toBe(-EEXIST);
    expect(fs.symlink('x', '/new/')).toBe(-ENOENT);
    expect(fs.symlink('x', '/a/')).toBe(-EEXIST);
    expect(fs.symlink('x', '/no/l')).toBe(-ENOENT);
    expect(fs.symlink('x'.repeat(4096), '/l')).toBe(-ENAMETOOLONG);
  });

  it('readlink fails with EINVAL on non-links and ENOENT on missing names', () => {
    fs.writeFile('/a', 'x');
    fs.mkdir('/d', 0o755);
    fs.symlink('d', '/l');
    expect(fs.readlink('/a')).toBe(-EINVAL);
    expect(fs.readlink('/d')).toBe(-EINVAL);
    expect(fs.readlink('/l/')).toBe(-EINVAL); // a trailing slash follows the link
    expect(fs.readlink('/nope')).toBe(-ENOENT);
  });

  it('readlink follows links in the middle of the path', () => {
    fs.mkdir('/d', 0o755);
    fs.symlink('target', '/d/l');
    fs.symlink('d', '/ld');
    expect(fs.readlink('/ld/l')).toBe('target');
  });
});

describe('rename', () => {
  it('moves a file and stamps both directories', () => {
    fs.mkdir('/d', 0o755);
    fs.writeFile('/a', 'x');
    const ino = st('/a').ino;
    now += SEC;
    expect(fs.rename('/a', '/d/b', 0)).toBe(0);
    expect(fs.stat('/a', true)).toBe(-ENOENT);
    expect(st('/d/b').ino).toBe(ino);
    expect(st('/d/b').ctimeNs).toBe(now);
    expect(st('/').mtimeNs).toBe(now);
    expect(st('/d').mtimeNs).toBe(now);
  });

  it('replaces an existing file, which keeps living while open', () => {
    fs.writeFile('/a', 'new');
    fs.writeFile('/b', 'old');
    const h = open('/b', O_RDONLY);
    expect(fs.rename('/a', '/b', 0)).toBe(0);
    expect(text('/b')).toBe('new');
    expect(read(h, 0)).toBe('old');
    expect((h.stat() as Stat).nlink).toBe(0);
    expect(names(fs.readdir('/'))).toEqual(['.', '..', 'b']);
  });

  it('moves a directory, fixing link counts and ..', () => {
    fs.mkdirp('/a/sub');
    fs.mkdir('/b', 0o755);
    expect(fs.rename('/a/sub', '/b/sub', 0)).toBe(0);
    expect(st('/a').nlink).toBe(2);
    expect(st('/b').nlink).toBe(3);
    expect(st('/b/sub/..').ino).toBe(st('/b').ino);
    const dots = fs.readdir('/b/sub') as Dirent[];
    expect(dots[1]).toEqual({ name: '..', ino: st('/b').ino, type: DT_DIR });
  });

  it('replaces an empty directory with a directory', () => {
    fs.mkdir('/a', 0o755);
    fs.writeFile('/a/f', 'x');
    fs.mkdir('/b', 0o755);
    expect(fs.rename('/a', '/b', 0)).toBe(0);
    expect(text('/b/f')).toBe('x');
    expect(st('/').nlink).toBe(3);
  });

  it('is a no-op between two names of one inode', () => {
    fs.writeFile('/a', 'x');
    fs.link('/a', '/b');
    expect(fs.rename('/a', '/b', 0)).toBe(0);
    expect(text('/a')).toBe('x');
    expect(text('/b')).toBe('x');
    expect(st('/a').nlink).toBe(2);
    expect(fs.rename('/a', '/a', 0)).toBe(0);
  });

  it('renames a symlink itself', () => {
    fs.writeFile('/a', 'x');
    fs.symlink('a', '/l');
    expect(fs.rename('/l', '/m', 0)).toBe(0);
    expect(fs.readlink('/m')).toBe('a');
    expect(text('/a')).toBe('x');
  });

  it('fails with the right errors', () => {
    fs.mkdirp('/d/sub');
    fs.mkdir('/e', 0o755);
    fs.writeFile('/d/sub/f', 'x');
    fs.writeFile('/a', 'x');
    expect(fs.rename('/nope', '/x', 0)).toBe(-ENOENT);
    expect(fs.rename('/a', '/no/x', 0)).toBe(-ENOENT);
    expect(fs.rename('/a', '/e', 0)).toBe(-EISDIR); // file over directory
    expect(fs.rename('/e', '/a', 0)).toBe(-ENOTDIR); // directory over file
    expect(fs.rename('/e', '/d', 0)).toBe(-ENOTEMPTY);
    expect(fs.rename('/d', '/d/sub/x', 0)).toBe(-EINVAL); // into itself
    expect(fs.rename('/d', '/d/x', 0)).toBe(-EINVAL);
    expect(fs.rename('/d/sub', '/d', 0)).toBe(-ENOTEMPTY); // over its own ancestor
    expect(fs.rename('/a', '/b/', 0)).toBe(-ENOTDIR); // a file named with a slash
    expect(fs.rename('/a/', '/b', 0)).toBe(-ENOTDIR);
    expect(fs.rename('/', '/x', 0)).toBe(-EBUSY);
    expect(fs.rename('/d/.', '/x', 0)).toBe(-EBUSY);
    expect(fs.rename('/e', '/d/..', 0)).toBe(-EBUSY);
    expect(fs.rename('/a', '/', 0)).toBe(-EBUSY);
    expect(fs.rename('/a', '/x', 8)).toBe(-EINVAL);
    expect(fs.rename('/a', '/x', 4)).toBe(-EINVAL); // RENAME_WHITEOUT is not supported
    expect(text('/a')).toBe('x');
  });

  it('accepts trailing slashes on directories', () => {
    fs.mkdir('/d', 0o755);
    expect(fs.rename('/d/', '/e/', 0)).toBe(0);
    expect(st('/e').mode & S_IFMT).toBe(S_IFDIR);
  });

  it('RENAME_NOREPLACE refuses to replace', () => {
    fs.writeFile('/a', 'a');
    fs.writeFile('/b', 'b');
    expect(fs.rename('/a', '/b', RENAME_NOREPLACE)).toBe(-EEXIST);
    expect(fs.rename('/a', '/', RENAME_NOREPLACE)).toBe(-EEXIST);
    expect(fs.rename('/a', '/c', RENAME_NOREPLACE)).toBe(0);
    expect(text('/c')).toBe('a');
  });

  it('RENAME_EXCHANGE swaps two names, even a file and a directory', () => {
    fs.writeFile('/a', 'a');
    fs.mkdir('/d', 0o755);
    fs.mkdir('/e', 0o755);
    fs.mkdir('/d/sub', 0o755);
    const fileIno = st('/a').ino;
    const subIno = st('/d/sub').ino;
    expect(fs.rename('/a', '/d/sub', RENAME_EXCHANGE)).toBe(0);
    expect(st('/a').ino).toBe(subIno);
    expect(st('/d/sub').ino).toBe(fileIno);
    expect(st('/a/..').ino).toBe(1);
    expect(st('/d').nlink).toBe(2);
    expect(st('/').nlink).toBe(5); // d, e and the moved directory a
    expect(fs.rename('/d', '/e', RENAME_EXCHANGE)).toBe(0);
    expect(st('/e/sub').ino).toBe(fileIno);
  });

  it('RENAME_EXCHANGE needs both names and no nesting', () => {
    fs.writeFile('/a', 'a');
    fs.mkdirp('/d/sub');
    expect(fs.rename('/a', '/nope', RENAME_EXCHANGE)).toBe(-ENOENT);
    expect(fs.rename('/d', '/d/sub', RENAME_EXCHANGE)).toBe(-EINVAL);
    expect(fs.rename('/d/sub', '/d', RENAME_EXCHANGE)).toBe(-EINVAL);
    expect(fs.rename('/a', '/d', RENAME_EXCHANGE | RENAME_NOREPLACE)).toBe(-EINVAL);
    expect(fs.rename('/a/', '/d', RENAME_EXCHANGE)).toBe(-ENOTDIR);
    expect(fs.rename('/d', '/a/', RENAME_EXCHANGE)).toBe(-ENOTDIR);
    expect(fs.rename('/d/', '/a', RENAME_EXCHANGE)).toBe(0);
  });
});

describe('readdir', () => {
  it('lists . and .. then entries in creation order with types and inodes', () => {
    fs.mkdir('/d', 0o755);
    fs.writeFile('/d/file', 'x');
    fs.mkdir('/d/sub', 0o755);
    fs.symlink('file', '/d/link');
    const list = fs.readdir('/d') as Dirent[];
    expect(list).toEqual([
      { name: '.', ino: st('/d').ino, type: DT_DIR },
      { name: '..', ino: 1, type: DT_DIR },
      { name: 'file', ino: st('/d/file').ino, type: DT_REG },
      { name: 'sub', ino: st('/d/sub').ino, type: DT_DIR },
      { name: 'link', ino: st('/d/link', false).ino, type: DT_LNK },
    ]);
  });

  it("lists the root with '..' pointing at itself", () => {
    const list = fs.readdir('/') as Dirent[];
    expect(list[1]).toEqual({ name: '..', ino: 1, type: DT_DIR });
  });

  it('follows symlinks to directories', () => {
    fs.mkdir('/d', 0o755);
    fs.writeFile('/d/x', '');
    fs.symlink('d', '/l');
    expect(names(fs.readdir('/l'))).toEqual(['.', '..', 'x']);
  });

  it('fails with ENOTDIR on files and ENOENT on missing names', () => {
    fs.writeFile('/a', 'x');
    expect(fs.readdir('/a')).toBe(-ENOTDIR);
    expect(fs.readdir('/nope')).toBe(-ENOENT);
  });

  it('lists through a directory handle and sees later changes', () => {
    fs.mkdir('/d', 0o755);
    const h = open('/d', O_RDONLY | O_DIRECTORY);
    expect(names(h.readdir!())).toEqual(['.', '..']);
    fs.writeFile('/d/new', '');
    expect(names(h.readdir!())).toEqual(['.', '..', 'new']);
  });
});

describe('chmod, chown, utimes, truncate, access', () => {
  it('chmod keeps the file type, follows symlinks and stamps ctime', () => {
    fs.writeFile('/a', 'x');
    fs.symlink('a', '/l');
    now += SEC;
    expect(fs.chmod('/l', 0o104755)).toBe(0);
    expect(st('/a').mode).toBe(S_IFREG | 0o4755);
    expect(st('/a').ctimeNs).toBe(now);
    expect(st('/l', false).mode).toBe(S_IFLNK | 0o777);
    expect(fs.chmod('/nope', 0o644)).toBe(-ENOENT);
    fs.mkdir('/d', 0o755);
    expect(fs.chmod('/d', 0o700)).toBe(0);
    expect(st('/d').mode).toBe(S_IFDIR | 0o700);
  });

  it('chown sets ids, keeps -1 ones, clears setuid, and can skip symlinks', () => {
    fs.writeFile('/a', 'x', 0o6755);
    fs.symlink('a', '/l');
    expect(fs.chown('/a', 1000, -1, true)).toBe(0);
    expect(st('/a').uid).toBe(1000);
    expect(st('/a').gid).toBe(0);
    expect(st('/a').mode).toBe(S_IFREG | 0o755); // setuid and (group-executable) setgid gone
    expect(fs.chown('/l', 5, 6, false)).toBe(0);
    expect(st('/l', false).uid).toBe(5);
    expect(st('/a').uid).toBe(1000);
    expect(fs.chown('/a', 0xffffffff, 7, true)).toBe(0);
    expect(st('/a').uid).toBe(1000);
    expect(st('/a').gid).toBe(7);
    expect(fs.chown('/nope', 0, 0, true)).toBe(-ENOENT);
  });

  it('chown keeps setgid when the group cannot execute (mandatory locking marker)', () => {
    fs.writeFile('/a', 'x', 0o2644);
    fs.chown('/a', 1, 1, true);
    expect(st('/a').mode).toBe(S_IFREG | 0o2644);
  });

  it('utimes sets times to the nanosecond, leaves null ones and stamps ctime', () => {
    fs.writeFile('/a', 'x');
    now += SEC;
    expect(fs.utimes('/a', 123_456_789_012, 987_654_321_098, true)).toBe(0);
    let s = st('/a');
    expect(s.atimeNs).toBe(123_456_789_012);
    expect(s.mtimeNs).toBe(987_654_321_098);
    expect(s.ctimeNs).toBe(now);
    expect(fs.utimes('/a', null, 5, true)).toBe(0);
    s = st('/a');
    expect(s.atimeNs).toBe(123_456_789_012);
    expect(s.mtimeNs).toBe(5);
    now += SEC;
    expect(fs.utimes('/a', null, null, true)).toBe(0);
    expect(st('/a').ctimeNs).toBe(now - SEC);
  });

  it('utimes follows symlinks unless told not to', () => {
    fs.writeFile('/a', 'x');
    fs.symlink('a', '/l');
    fs.utimes('/l', 1, 2, true);
    expect(st('/a').mtimeNs).toBe(2);
    fs.utimes('/l', 3, 4, false);
    expect(st('/l', false).mtimeNs).toBe(4);
    expect(st('/a').mtimeNs).toBe(2);
    expect(fs.utimes('/nope', 1, 1, true)).toBe(-ENOENT);
  });

  it('truncate shrinks and grows, follows symlinks, and refuses the rest', () => {
    fs.writeFile('/a', 'hello');
    fs.symlink('a', '/l');
    fs.mkdir('/d', 0o755);
    now += SEC;
    expect(fs.truncate('/l', 2)).toBe(0);
    expect(text('/a')).toBe('he');
    expect(st('/a').mtimeNs).toBe(now);
    expect(fs.truncate('/a', 4)).toBe(0);
    expect([...fs.readFile('/a')]).toEqual([104, 101, 0, 0]);
    expect(fs.truncate('/a', -1)).toBe(-EINVAL);
    expect(fs.truncate('/d', 0)).toBe(-EISDIR);
    expect(fs.truncate('/nope', 0)).toBe(-ENOENT);
    expect(fs.truncate('/a/', 0)).toBe(-ENOTDIR);
  });

  it('access checks existence, and an execute bit for X_OK on non-directories', () => {
    fs.writeFile('/a', 'x', 0o644);
    fs.writeFile('/x', 'x', 0o100);
    fs.mkdir('/d', 0o000);
    expect(fs.access('/a', 0)).toBe(0);
    expect(fs.access('/a', R_OK | W_OK)).toBe(0);
    expect(fs.access('/a', X_OK)).toBe(-EACCES);
    expect(fs.access('/x', X_OK)).toBe(0);
    expect(fs.access('/d', X_OK)).toBe(0);
    expect(fs.access('/nope', 0)).toBe(-ENOENT);
    expect(fs.access('/a', 8)).toBe(-EINVAL);
    fs.symlink('x', '/l');
    expect(fs.access('/l', X_OK)).toBe(0);
  });
});

describe('realpath', () => {
  it('resolves symlinks, . and .. to a canonical path', () => {
    fs.mkdirp('/usr/lib');
    fs.writeFile('/usr/lib/libc.so', 'x');
    fs.symlink('usr/lib', '/lib');
    fs.symlink('/lib/libc.so', '/usr/libc');
    expect(fs.realpath('/lib')).toBe('/usr/lib');
    expect(fs.realpath('/lib/')).toBe('/usr/lib');
    expect(fs.realpath('/usr/libc')).toBe('/usr/lib/libc.so');
    expect(fs.realpath('/lib/../lib/./libc.so')).toBe('/usr/lib/libc.so');
    expect(fs.realpath('/')).toBe('/');
    expect(fs.realpath('/usr/..')).toBe('/');
    fs.writeFile('/top', '');
    expect(fs.realpath('/top')).toBe('/top');
  });

  it('fails like stat does', () => {
    fs.writeFile('/a', '');
    expect(fs.realpath('/nope')).toBe(-ENOENT);
    expect(fs.realpath('/a/')).toBe(-ENOTDIR);
  });
});

describe('host helpers', () => {
  it('writeFile creates parents and sets the mode exactly; readFile returns a copy', () => {
    fs.writeFile('/etc/deep/conf', 'v=1', 0o600);
    expect(st('/etc').mode).toBe(S_IFDIR | 0o755);
    expect(st('/etc/deep/conf').mode).toBe(S_IFREG | 0o600);
    fs.writeFile('/etc/deep/conf', new Uint8Array([1, 2]), 0o755);
    expect(st('/etc/deep/conf').mode).toBe(S_IFREG | 0o755);
    const copy = fs.readFile('/etc/deep/conf');
    expect([...copy]).toEqual([1, 2]);
    copy[0] = 9;
    expect(fs.readFile('/etc/deep/conf')[0]).toBe(1);
  });

  it('writeFile accepts relative-looking paths as from the root', () => {
    fs.writeFile('a/b', 'x');
    expect(text('/a/b')).toBe('x');
  });

  it('mkdirp makes every missing directory and follows symlinks', () => {
    fs.mkdirp('/a/b/c', 0o700);
    expect(st('/a/b/c').mode).toBe(S_IFDIR | 0o700);
    fs.symlink('a', '/la');
    fs.mkdirp('/la/b/d');
    expect(st('/a/b/d').mode & S_IFMT).toBe(S_IFDIR);
    fs.mkdirp('/a/b/c'); // nothing to do
  });

  it('helpers throw on errors', () => {
    fs.writeFile('/f', 'x');
    expect(() => fs.mkdirp('/f/g')).toThrow(/ENOTDIR/);
    expect(() => fs.readFile('/nope')).toThrow(/ENOENT/);
    fs.mkdir('/d', 0o755);
    expect(() => fs.readFile('/d')).toThrow(/EISDIR/);
    expect(() => fs.writeFile('/d', 'x')).toThrow(/EISDIR/);
    fs.symlink('loop', '/loop');
    expect(() => fs.mkdirp('/loop/x')).toThrow(/ELOOP/);
  });
});

describe('snapshots', () => {
  function populate(m: MemFs): void {
    m.writeFile('/bin/hello', new Uint8Array([0x7f, 0x45, 0x4c, 0x46]), 0o755);
    m.writeFile('/etc/passwd', 'root:x:0:0::/root:/bin/sh\n');
    m.mkdirp('/tmp');
    m.chmod('/tmp', 0o1777);
    m.symlink('/bin/hello', '/usr-hello');
    m.link('/etc/passwd', '/etc/passwd.bak');
    const h = m.open('/sparse', O_CREAT | O_RDWR, 0o644) as FileHandle;
    h.write(bytes('head'), 0);
    h.truncate(1 << 20);
    h.close();
    m.chown('/etc/passwd', 0, 42, true);
    m.utimes('/bin/hello', 111, 222, true);
  }

  it('exports parents first, with hard links and sparse tails', () => {
    populate(fs);
    const snap = fs.exportSnapshot();
    expect(snap.version).toBe(1);
    const paths = snap.entries.map((e) => e.path);
    expect([...paths].sort()).toEqual(['/', '/bin', '/bin/hello', '/etc', '/etc/passwd', '/etc/passwd.bak', '/sparse', '/tmp', '/usr-hello']);
    for (const e of snap.entries) {
      const parent = e.path.slice(0, e.path.lastIndexOf('/')) || '/';
      if (e.path !== '/') expect(paths.indexOf(parent)).toBeLessThan(paths.indexOf(e.path));
    }
    const bak = snap.entries.find((e) => e.path === '/etc/passwd.bak')!;
    expect(bak.linkOf).toBe('/etc/passwd');
    const sparse = snap.entries.find((e) => e.path === '/sparse')!;
    expect(sparse.data!.length).toBe(4);
    expect(sparse.size).toBe(1 << 20);
    const link = snap.entries.find((e) => e.path === '/usr-hello')!;
    expect(link.mode).toBe(S_IFLNK | 0o777);
    expect(link.target).toBe('/bin/hello');
    expect(snap.entries.find((e) => e.path === '/tmp')!.mode).toBe(S_IFDIR | 0o1777);
  });

  it('makes FIFO and socket nodes with mknod, and keeps them through a snapshot', () => {
    expect(fs.mknod('/p', S_IFIFO | 0o640, 0)).toBe(0);
    expect(fs.mknod('/s', S_IFSOCK | 0o600, 0)).toBe(0);
    expect(fs.mknod('/p', S_IFIFO | 0o640, 0)).toBe(-EEXIST);
    expect(fs.mknod('/nowhere/p', S_IFIFO | 0o640, 0)).toBe(-ENOENT);
    expect(fs.mknod('/c', 0o020000 | 0o600, 0)).toBe(-EPERM); // a character device
    const st = fs.stat('/p', true) as Stat;
    expect([st.mode, st.size]).toEqual([S_IFIFO | 0o640, 0]);
    const copy = MemFs.fromSnapshot(structuredClone(fs.exportSnapshot()), { clock: () => 1 });
    expect((copy.stat('/p', true) as Stat).mode).toBe(S_IFIFO | 0o640);
    expect((copy.stat('/s', true) as Stat).mode).toBe(S_IFSOCK | 0o600);
  });

  it('round-trips through structuredClone', () => {
    populate(fs);
    const before = fs.exportSnapshot();
    const copy = MemFs.fromSnapshot(structuredClone(before), { clock: () => 1 });
    const after = copy.exportSnapshot();
    expect(after).toEqual(before);
    expect(utf8Decode(copy.readFile('/etc/passwd.bak'))).toBe('root:x:0:0::/root:/bin/sh\n');
    const a = copy.stat('/etc/passwd', true) as Stat;
    const b = copy.stat('/etc/passwd.bak', true) as Stat;
    expect(a.ino).toBe(b.ino);
    expect(a.nlink).toBe(2);
    expect(a.gid).toBe(42);
    expect((copy.stat('/bin/hello', true) as Stat).mtimeNs).toBe(222);
    expect((copy.stat('/sparse', true) as Stat).size).toBe(1 << 20);
    expect(copy.readlink('/usr-hello')).toBe('/bin/hello');
    expect((copy.stat('/', true) as Stat).nlink).toBe(5);
  });

  it('is a copy: later changes do not leak either way', () => {
    fs.writeFile('/a', 'one');
    const snap = fs.exportSnapshot();
    fs.writeFile('/a', 'two');
    expect(utf8Decode(snap.entries.find((e) => e.path === '/a')!.data!)).toBe('one');
    const copy = MemFs.fromSnapshot(snap);
    snap.entries.find((e) => e.path === '/a')!.data![0] = 0x4f;
    expect(utf8Decode(copy.readFile('/a'))).toBe('one');
  });

  it('import replaces the whole tree and fills in missing parents', () => {
    fs.writeFile('/old', 'x');
    const snap: MemFsSnapshot = {
      version: 1,
      entries: [
        { path: '/a/b/file', mode: S_IFREG | 0o600, data: bytes('deep') },
        { path: '/a', mode: S_IFDIR | 0o700, mtimeNs: 77 },
      ],
    };
    fs.importSnapshot(snap);
    expect(fs.stat('/old', true)).toBe(-ENOENT);
    expect(text('/a/b/file')).toBe('deep');
    expect(st('/a').mode).toBe(S_IFDIR | 0o700);
    expect(st('/a').mtimeNs).toBe(77);
    expect(st('/a/b').mode).toBe(S_IFDIR | 0o755);
    expect(st('/a').nlink).toBe(3);
  });

  it('import rejects bad snapshots', () => {
    const bad = (entries: MemFsSnapshot['entries']) => () => fs.importSnapshot({ version: 1, entries });
    expect(() => fs.importSnapshot({ version: 2 } as unknown as MemFsSnapshot)).toThrow(/version/);
    expect(bad([{ path: '/dev/null', mode: 0o020666 }])).toThrow(/unsupported/);
    expect(bad([{ path: '/l', mode: S_IFLNK | 0o777 }])).toThrow(/target/);
    expect(bad([{ path: '/h', mode: S_IFREG, linkOf: '/missing' }])).toThrow(/links/);
    expect(bad([{ path: '/../x', mode: S_IFREG }])).toThrow(/bad path/);
    expect(bad([{ path: '/f', mode: S_IFREG }, { path: '/f', mode: S_IFREG }])).toThrow(/twice/);
  });
});
