import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encodeStat, TCGETS, TCSETS, TCSETSF, TIOCGWINSZ } from '../core/linux/abi.js';
import {
  EACCES, EAGAIN, EBADF, EEXIST, EFAULT, EINVAL, EIO, EISDIR, ELOOP, ENOENT, ENOTDIR, ENOTEMPTY, ENOTTY,
  EOPNOTSUPP, EPERM, EXDEV,
} from '../core/linux/errno.js';
import {
  O_APPEND, O_CREAT, O_DIRECTORY, O_EXCL, O_NOFOLLOW, O_NONBLOCK, O_PATH, O_RDONLY, O_RDWR, O_SYNC, O_TMPFILE,
  O_TRUNC, O_WRONLY, RENAME_EXCHANGE, RENAME_NOREPLACE, F_OK, R_OK, W_OK, X_OK, O_CLOEXEC, O_LARGEFILE,
} from '../core/vfs/flags.js';
import {
  type Dirent, type FileHandle, type IoctlMemory, POLLHUP, POLLIN, POLLNVAL, POLLOUT, POLLRDNORM, POLLWRNORM, S_IFCHR,
  S_IFDIR, S_IFIFO, S_IFLNK, S_IFMT, S_IFREG, type Stat,
} from '../core/vfs/types.js';
import { ECHO, HostFs, HostStdio, HostTerminal, hostErrno, hostOpenFlags, ICANON, TERMIOS_SIZE } from './hostfs.js';
import { HostEvents, StdinReader } from './stdin-reader.js';

const linux = process.platform === 'linux';
const enc = (s: string) => new TextEncoder().encode(s);
const dec = (b: Uint8Array) => new TextDecoder().decode(b);

let dir: string;
let hfs: HostFs;
/** host descriptors a test opened itself, closed after it */
let fds: number[] = [];

beforeEach(() => {
  dir = fs.mkdtempSync(join(tmpdir(), 'a64play-hostfs-'));
  hfs = new HostFs(dir);
});

afterEach(() => {
  for (const fd of fds) fs.closeSync(fd);
  fds = [];
  fs.rmSync(dir, { recursive: true, force: true });
});

const host = (p: string) => join(dir, p);

function hostFd(path: string, flags: string | number): number {
  const fd = fs.openSync(host(path), flags);
  fds.push(fd);
  return fd;
}

function open(path: string, flags: number, mode = 0o644): FileHandle {
  const h = hfs.open(path, flags, mode);
  if (typeof h === 'number') throw new Error(`open ${path}: ${h}`);
  return h;
}

function st(path: string, follow = true): Stat {
  const s = hfs.stat(path, follow);
  if (typeof s === 'number') throw new Error(`stat ${path}: ${s}`);
  return s;
}

function readAt(h: FileHandle, pos: number, len = 64): string {
  const buf = new Uint8Array(len);
  const n = h.read(buf, pos);
  if (n < 0) throw new Error(`read: ${n}`);
  return dec(buf.subarray(0, n));
}

function memory(size = 256): { bytes: Uint8Array; io: IoctlMemory } {
  const bytes = new Uint8Array(size);
  return {
    bytes,
    io: {
      read: (addr, len) => (addr + len <= size ? bytes.slice(addr, addr + len) : null),
      write: (addr, data) => {
        if (addr + data.length > size) return false;
        bytes.set(data, addr);
        return true;
      },
    },
  };
}

describe('paths', () => {
  it('maps guest paths under the root', () => {
    expect(new HostFs('/').hostPath('/etc/passwd')).toBe('/etc/passwd');
    expect(new HostFs().hostPath('/')).toBe('/');
    expect(new HostFs('/srv/root/').hostPath('/a/b')).toBe('/srv/root/a/b');
    expect(new HostFs('/srv/root').hostPath('')).toBe('/srv/root');
    expect(new HostFs('/srv/root').hostPath('/')).toBe('/srv/root');
    expect(new HostFs('/srv/root').hostPath('a/')).toBe('/srv/root/a/');
    expect(hfs.kind).toBe('hostfs');
  });

  it('reaches host files through an absolute root too', () => {
    fs.writeFileSync(host('f'), 'x');
    const whole = new HostFs('/');
    expect((whole.stat(host('f'), true) as Stat).size).toBe(1);
  });
});

describe('errno and flag mapping', () => {
  it('maps Node error codes to Linux errnos by name', () => {
    expect(hostErrno({ code: 'ENOENT' })).toBe(-ENOENT);
    expect(hostErrno({ code: 'EEXIST' })).toBe(-EEXIST);
    expect(hostErrno({ code: 'ENOTEMPTY' })).toBe(-ENOTEMPTY);
    expect(hostErrno({ code: 'EWOULDBLOCK' })).toBe(-EAGAIN);
    expect(hostErrno({ code: 'ENOTSUP' })).toBe(-EOPNOTSUPP);
    expect(hostErrno({ code: 'ESOMETHINGNEW' })).toBe(-EIO);
    expect(hostErrno({ code: 'ERR_INVALID_ARG_VALUE' })).toBe(-EINVAL);
    expect(hostErrno({ code: 'ERR_OUT_OF_RANGE' })).toBe(-EINVAL);
  });

  it('rethrows errors that are not the host saying no', () => {
    const bug = new TypeError('a64play bug');
    expect(() => hostErrno(bug)).toThrow(bug);
  });

  it('maps a real host error', () => {
    try {
      fs.statSync(host('missing'));
    } catch (e) {
      expect(hostErrno(e)).toBe(-ENOENT);
    }
  });

  it("converts Linux open flags to the host's", () => {
    const C = fs.constants;
    expect(hostOpenFlags(O_RDONLY)).toBe(C.O_RDONLY);
    expect(hostOpenFlags(O_WRONLY | O_CREAT | O_EXCL | O_TRUNC)).toBe(C.O_WRONLY | C.O_CREAT | C.O_EXCL | C.O_TRUNC);
    expect(hostOpenFlags(O_RDWR | O_APPEND | O_NONBLOCK)).toBe(C.O_RDWR | C.O_APPEND | C.O_NONBLOCK);
    expect(hostOpenFlags(O_RDONLY | O_DIRECTORY | O_NOFOLLOW)).toBe(C.O_DIRECTORY | C.O_NOFOLLOW);
    expect(hostOpenFlags(O_WRONLY | O_SYNC)).toBe(C.O_WRONLY | C.O_SYNC);
    expect(hostOpenFlags(O_RDONLY | O_CLOEXEC | O_LARGEFILE)).toBe(C.O_RDONLY);
    expect(hostOpenFlags(3)).toBe(-EINVAL);
  });
});

describe('open, read and write', () => {
  it('creates a file with the mode (less the host umask) and writes at positions', () => {
    const h = open('/f', O_CREAT | O_RDWR, 0o600);
    expect(h.seekable).toBe(true);
    expect(h.isTty).toBe(false);
    expect(h.path).toBe('/f');
    expect(h.write(enc('hello world'), 0)).toBe(11);
    expect(h.write(enc('W'), 6)).toBe(1);
    expect(readAt(h, 0)).toBe('hello World');
    expect(readAt(h, 6, 3)).toBe('Wor');
    expect(readAt(h, 11)).toBe('');
    expect(h.write(enc('!'), 20)).toBe(1); // sparse: zero-filled by the host
    const buf = new Uint8Array(21);
    expect(h.read(buf, 0)).toBe(21);
    expect(buf[15]).toBe(0);
    expect(h.read(new Uint8Array(4), -1)).toBe(-EINVAL);
    expect(h.write(enc('x'), -1)).toBe(-EINVAL);
    h.close();
    expect(fs.readFileSync(host('f'), 'latin1')).toBe('hello World\0\0\0\0\0\0\0\0\0!');
    expect(fs.statSync(host('f')).mode & 0o777).toBe(0o600);
  });

  it('fails with ENOENT, EEXIST, ENOTDIR, EISDIR and ELOOP as Linux does', () => {
    fs.writeFileSync(host('f'), 'x');
    fs.mkdirSync(host('d'));
    fs.symlinkSync('f', host('l'));
    expect(hfs.open('/missing', O_RDONLY, 0)).toBe(-ENOENT);
    expect(hfs.open('/missing/f', O_CREAT | O_WRONLY, 0o644)).toBe(-ENOENT);
    expect(hfs.open('/f', O_CREAT | O_EXCL | O_WRONLY, 0o644)).toBe(-EEXIST);
    expect(hfs.open('/f', O_RDONLY | O_DIRECTORY, 0)).toBe(-ENOTDIR);
    expect(hfs.open('/f/x', O_RDONLY, 0)).toBe(-ENOTDIR);
    expect(hfs.open('/d', O_WRONLY, 0)).toBe(-EISDIR);
    expect(hfs.open('/l', O_RDONLY | O_NOFOLLOW, 0)).toBe(-ELOOP);
    expect(hfs.open('/f', 3, 0)).toBe(-EINVAL);
    expect(hfs.open('/d', O_TMPFILE | O_RDWR, 0o600)).toBe(-EOPNOTSUPP);
  });

  it('truncates with O_TRUNC and appends with O_APPEND wherever the position says', () => {
    fs.writeFileSync(host('f'), 'old contents');
    open('/f', O_WRONLY | O_TRUNC).close();
    expect(fs.readFileSync(host('f'), 'utf8')).toBe('');
    fs.writeFileSync(host('f'), 'one');
    const h = open('/f', O_WRONLY | O_APPEND);
    expect(h.write(enc('two'), 0)).toBe(3);
    h.close();
    expect(fs.readFileSync(host('f'), 'utf8')).toBe('onetwo');
  });

  it('follows symlinks when opening', () => {
    fs.writeFileSync(host('f'), 'target');
    fs.symlinkSync('f', host('l'));
    expect(readAt(open('/l', O_RDONLY), 0)).toBe('target');
  });

  it('gives fstat, ftruncate, fsync and EBADF after close', () => {
    const h = open('/f', O_CREAT | O_RDWR);
    h.write(enc('abcdef'), 0);
    expect((h.stat() as Stat).size).toBe(6);
    expect(h.truncate(2)).toBe(0);
    expect(readAt(h, 0)).toBe('ab');
    expect(h.truncate(-1)).toBe(-EINVAL);
    expect(h.sync()).toBe(0);
    expect(h.readdir!()).toBe(-ENOTDIR);
    expect(h.ioctl!(TCGETS, 0, memory().io)).toBe(-ENOTTY);
    h.close();
    h.close(); // twice is harmless
    expect(h.read(new Uint8Array(1), 0)).toBe(-EBADF);
    expect(h.write(enc('x'), 0)).toBe(-EBADF);
    expect(h.stat()).toBe(-EBADF);
    expect(h.truncate(0)).toBe(-EBADF);
    expect(h.sync()).toBe(-EBADF);
  });

  it('refuses ftruncate on a read-only handle', () => {
    fs.writeFileSync(host('f'), 'abc');
    expect(open('/f', O_RDONLY).truncate(0)).toBe(-EINVAL);
  });

  it('reads a directory through a handle and not with read()', () => {
    fs.mkdirSync(host('d'));
    fs.writeFileSync(host('d/x'), '');
    const h = open('/d', O_RDONLY | O_DIRECTORY);
    expect(h.read(new Uint8Array(4), 0)).toBe(-EISDIR);
    expect((h.readdir!() as Dirent[]).map((d) => d.name).sort()).toEqual(['.', '..', 'x']);
  });

  it('treats character devices as not seekable', () => {
    const whole = new HostFs('/');
    const h = whole.open('/dev/null', O_RDWR, 0) as FileHandle;
    expect(h.seekable).toBe(false);
    expect(h.isTty).toBe(false);
    expect(h.write(enc('gone'), 12345)).toBe(4);
    expect(h.read(new Uint8Array(4), 99)).toBe(0);
    expect(((h.stat() as Stat).mode & S_IFMT)).toBe(S_IFCHR);
    expect(h.ioctl!(TIOCGWINSZ, 0, memory().io)).toBe(-ENOTTY);
    h.close();
  });

  it.runIf(linux)('treats FIFOs as not seekable and passes EAGAIN through', () => {
    execFileSync('mkfifo', [host('fifo')]);
    const h = open('/fifo', O_RDWR | O_NONBLOCK);
    expect(h.seekable).toBe(false);
    expect(((h.stat() as Stat).mode & S_IFMT)).toBe(S_IFIFO);
    expect(h.read(new Uint8Array(4), 0)).toBe(-EAGAIN);
    expect(h.write(enc('pipe'), 1000)).toBe(4);
    expect(readAt(h, 5000)).toBe('pipe');
    h.close();
  });
});

describe('O_PATH', () => {
  it('names a file for fstat only', () => {
    fs.writeFileSync(host('f'), 'abc');
    const h = open('/f', O_PATH);
    expect((h.stat() as Stat).size).toBe(3);
    expect(h.read(new Uint8Array(1), 0)).toBe(-EBADF);
    expect(h.write(enc('x'), 0)).toBe(-EBADF);
    expect(h.truncate(0)).toBe(-EBADF);
    expect(h.sync()).toBe(-EBADF);
    expect(h.readdir!()).toBe(-EBADF);
    h.close();
    expect(h.stat()).toBe(-EBADF);
  });

  it('opens a symlink itself with O_NOFOLLOW and checks O_DIRECTORY', () => {
    fs.symlinkSync('nowhere', host('l'));
    expect(((open('/l', O_PATH | O_NOFOLLOW).stat() as Stat).mode & S_IFMT)).toBe(S_IFLNK);
    expect(hfs.open('/l', O_PATH, 0)).toBe(-ENOENT);
    fs.writeFileSync(host('f'), '');
    expect(hfs.open('/f', O_PATH | O_DIRECTORY, 0)).toBe(-ENOTDIR);
  });
});

describe('stat', () => {
  it('matches the host with nanosecond times', () => {
    fs.writeFileSync(host('f'), 'hello');
    const s = st('/f');
    const h = fs.statSync(host('f'), { bigint: true });
    expect(s.ino).toBe(Number(h.ino));
    expect(s.dev).toBe(Number(h.dev));
    expect(s.mode).toBe(S_IFREG | Number(h.mode & 0o7777n));
    expect(s.size).toBe(5);
    expect(s.nlink).toBe(1);
    expect(s.uid).toBe(Number(h.uid));
    expect(s.blksize).toBe(Number(h.blksize));
    expect(s.blocks).toBe(Number(h.blocks));
    expect(s.mtimeNs).toBe(Number(h.mtimeNs));
    expect(s.ctimeNs).toBe(Number(h.ctimeNs));
    expect(s.atimeNs).toBe(Number(h.atimeNs));
  });

  it('follows symlinks for stat, not for lstat', () => {
    fs.writeFileSync(host('f'), 'x');
    fs.symlinkSync('f', host('l'));
    expect(st('/l').mode & S_IFMT).toBe(S_IFREG);
    expect(st('/l', false).mode).toBe(S_IFLNK | 0o777);
    expect(st('/l', false).size).toBe(1);
    expect(st('/').mode & S_IFMT).toBe(S_IFDIR);
  });

  it('fails with ENOENT and ENOTDIR', () => {
    fs.writeFileSync(host('f'), 'x');
    expect(hfs.stat('/missing', true)).toBe(-ENOENT);
    expect(hfs.stat('/f/x', true)).toBe(-ENOTDIR);
    expect(hfs.stat('/f/', true)).toBe(-ENOTDIR);
    fs.symlinkSync('missing', host('dangling'));
    expect(hfs.stat('/dangling', true)).toBe(-ENOENT);
    expect(hfs.stat('/dangling', false)).not.toBeTypeOf('number');
  });
});

describe('directories', () => {
  it('makes and removes directories', () => {
    expect(hfs.mkdir('/d', 0o700)).toBe(0);
    expect(st('/d').mode).toBe(S_IFDIR | 0o700);
    expect(hfs.mkdir('/d', 0o755)).toBe(-EEXIST);
    expect(hfs.mkdir('/missing/d', 0o755)).toBe(-ENOENT);
    fs.writeFileSync(host('d/f'), '');
    expect(hfs.rmdir('/d')).toBe(-ENOTEMPTY);
    expect(hfs.rmdir('/d/f')).toBe(-ENOTDIR);
    expect(hfs.rmdir('/missing')).toBe(-ENOENT);
    fs.unlinkSync(host('d/f'));
    expect(hfs.rmdir('/d')).toBe(0);
    expect(fs.existsSync(host('d'))).toBe(false);
  });

  it('lists entries with types and inode numbers, plus . and ..', () => {
    fs.mkdirSync(host('d'));
    fs.writeFileSync(host('d/file'), '');
    fs.mkdirSync(host('d/sub'));
    fs.symlinkSync('file', host('d/link'));
    const list = hfs.readdir('/d') as Dirent[];
    const byName = new Map(list.map((d) => [d.name, d]));
    expect(list.slice(0, 2).map((d) => d.name)).toEqual(['.', '..']);
    expect([...byName.keys()].sort()).toEqual(['.', '..', 'file', 'link', 'sub']);
    expect(byName.get('.')).toEqual({ name: '.', ino: st('/d').ino, type: 4 });
    expect(byName.get('..')).toEqual({ name: '..', ino: st('/').ino, type: 4 });
    expect(byName.get('file')).toEqual({ name: 'file', ino: st('/d/file').ino, type: 8 });
    expect(byName.get('sub')).toEqual({ name: 'sub', ino: st('/d/sub').ino, type: 4 });
    expect(byName.get('link')).toEqual({ name: 'link', ino: st('/d/link', false).ino, type: 10 });
  });

  it("gives the root's '..' its own inode", () => {
    const list = hfs.readdir('/') as Dirent[];
    expect(list[1]).toEqual({ name: '..', ino: st('/').ino, type: 4 });
    const h = open('/', O_RDONLY | O_DIRECTORY);
    expect((h.readdir!() as Dirent[])[1]!.ino).toBe(st('/').ino);
  });

  it('fails with ENOTDIR and ENOENT', () => {
    fs.writeFileSync(host('f'), '');
    expect(hfs.readdir('/f')).toBe(-ENOTDIR);
    expect(hfs.readdir('/missing')).toBe(-ENOENT);
  });
});

describe('names: unlink, rename, link, symlink', () => {
  it('unlinks files and refuses directories', () => {
    fs.writeFileSync(host('f'), '');
    fs.mkdirSync(host('d'));
    expect(hfs.unlink('/f')).toBe(0);
    expect(hfs.unlink('/f')).toBe(-ENOENT);
    expect(hfs.unlink('/d')).toBe(linux ? -EISDIR : -EPERM);
  });

  it('renames and replaces', () => {
    fs.writeFileSync(host('a'), 'A');
    fs.writeFileSync(host('b'), 'B');
    expect(hfs.rename('/a', '/b', 0)).toBe(0);
    expect(fs.readFileSync(host('b'), 'utf8')).toBe('A');
    expect(fs.existsSync(host('a'))).toBe(false);
    expect(hfs.rename('/a', '/c', 0)).toBe(-ENOENT);
  });

  it('refuses renames Linux refuses', () => {
    fs.writeFileSync(host('f'), '');
    fs.mkdirSync(host('d'));
    fs.mkdirSync(host('e'));
    fs.writeFileSync(host('e/x'), '');
    expect(hfs.rename('/f', '/d', 0)).toBe(-EISDIR);
    expect(hfs.rename('/d', '/f', 0)).toBe(-ENOTDIR);
    expect(hfs.rename('/d', '/e', 0)).toBe(-ENOTEMPTY);
    expect(hfs.rename('/d', '/d/sub', 0)).toBe(-EINVAL);
  });

  it('emulates RENAME_NOREPLACE and refuses RENAME_EXCHANGE', () => {
    fs.writeFileSync(host('a'), 'A');
    fs.writeFileSync(host('b'), 'B');
    expect(hfs.rename('/a', '/b', RENAME_NOREPLACE)).toBe(-EEXIST);
    expect(hfs.rename('/missing', '/b', RENAME_NOREPLACE)).toBe(-ENOENT);
    expect(hfs.rename('/a', '/c', RENAME_NOREPLACE)).toBe(0);
    expect(fs.readFileSync(host('c'), 'utf8')).toBe('A');
    expect(hfs.rename('/b', '/c', RENAME_EXCHANGE)).toBe(-EINVAL);
    expect(hfs.rename('/b', '/c', 8)).toBe(-EINVAL);
  });

  it('makes hard links', () => {
    fs.writeFileSync(host('a'), 'A');
    fs.mkdirSync(host('d'));
    expect(hfs.link('/a', '/b')).toBe(0);
    expect(st('/a').nlink).toBe(2);
    expect(st('/b').ino).toBe(st('/a').ino);
    expect(hfs.link('/a', '/b')).toBe(-EEXIST);
    expect(hfs.link('/missing', '/c')).toBe(-ENOENT);
    expect(hfs.link('/d', '/d2')).toBe(-EPERM);
  });

  it('makes and reads symlinks', () => {
    expect(hfs.symlink('some/target', '/l')).toBe(0);
    expect(hfs.readlink('/l')).toBe('some/target');
    expect(fs.readlinkSync(host('l'))).toBe('some/target');
    expect(hfs.symlink('x', '/l')).toBe(-EEXIST);
    fs.writeFileSync(host('f'), '');
    expect(hfs.readlink('/f')).toBe(-EINVAL);
    expect(hfs.readlink('/missing')).toBe(-ENOENT);
  });
});

describe('attributes', () => {
  it('chmod sets permission bits, following symlinks', () => {
    fs.writeFileSync(host('f'), '');
    fs.symlinkSync('f', host('l'));
    expect(hfs.chmod('/l', 0o100751)).toBe(0);
    expect(fs.statSync(host('f')).mode & 0o7777).toBe(0o751);
    expect(hfs.chmod('/missing', 0o644)).toBe(-ENOENT);
  });

  it('chown to the current owner works; -1 keeps ids', () => {
    fs.writeFileSync(host('f'), '');
    fs.symlinkSync('f', host('l'));
    const { uid, gid } = fs.statSync(host('f'));
    expect(hfs.chown('/f', uid, gid, true)).toBe(0);
    expect(hfs.chown('/f', -1, -1, true)).toBe(0);
    expect(hfs.chown('/l', 0xffffffff, gid, false)).toBe(0);
    expect(hfs.chown('/missing', uid, gid, true)).toBe(-ENOENT);
  });

  it('utimes sets times to about a microsecond and keeps null ones', () => {
    fs.writeFileSync(host('f'), '');
    const a = 1_600_000_000_123_456_789;
    const m = 1_500_000_000_987_654_321;
    expect(hfs.utimes('/f', a, m, true)).toBe(0);
    let s = st('/f');
    expect(Math.abs(s.atimeNs - a)).toBeLessThan(2000);
    expect(Math.abs(s.mtimeNs - m)).toBeLessThan(2000);
    expect(Math.floor(s.mtimeNs / 1e9)).toBe(1_500_000_000);
    expect(hfs.utimes('/f', null, 1_000_000_000_000_000_000, true)).toBe(0);
    s = st('/f');
    expect(Math.abs(s.atimeNs - a)).toBeLessThan(2000);
    expect(s.mtimeNs).toBe(1_000_000_000_000_000_000);
    expect(hfs.utimes('/f', null, null, true)).toBe(0);
    expect(hfs.utimes('/missing', 0, 0, true)).toBe(-ENOENT);
    expect(hfs.utimes('/missing', null, null, true)).toBe(-ENOENT);
  });

  it('utimes on a symlink itself with follow=false', () => {
    fs.writeFileSync(host('f'), '');
    fs.symlinkSync('f', host('l'));
    const before = st('/f').mtimeNs;
    expect(hfs.utimes('/l', 1e18, 1e18, false)).toBe(0);
    expect(st('/l', false).mtimeNs).toBe(1e18);
    expect(st('/f').mtimeNs).toBe(before);
  });

  it('truncates by path', () => {
    fs.writeFileSync(host('f'), 'abcdef');
    fs.mkdirSync(host('d'));
    expect(hfs.truncate('/f', 3)).toBe(0);
    expect(fs.readFileSync(host('f'), 'utf8')).toBe('abc');
    expect(hfs.truncate('/f', 5)).toBe(0);
    expect(fs.readFileSync(host('f'))).toEqual(Buffer.from('abc\0\0'));
    expect(hfs.truncate('/f', -1)).toBe(-EINVAL);
    expect(hfs.truncate('/d', 0)).toBe(-EISDIR);
    expect(hfs.truncate('/missing', 0)).toBe(-ENOENT);
  });

  it('access checks existence and permissions', () => {
    fs.writeFileSync(host('f'), '', { mode: 0o644 });
    fs.writeFileSync(host('x'), '', { mode: 0o755 });
    expect(hfs.access('/f', F_OK)).toBe(0);
    expect(hfs.access('/f', R_OK | W_OK)).toBe(0);
    expect(hfs.access('/f', X_OK)).toBe(-EACCES); // no execute bit: even root is refused
    expect(hfs.access('/x', X_OK)).toBe(0);
    expect(hfs.access('/missing', F_OK)).toBe(-ENOENT);
    expect(hfs.access('/f', 8)).toBe(-EINVAL);
  });

  it('realpath stays inside the root', () => {
    fs.mkdirSync(host('d'));
    fs.writeFileSync(host('d/f'), '');
    fs.symlinkSync('d', host('l'));
    fs.symlinkSync('/', host('out'));
    expect(hfs.realpath('/l/f')).toBe('/d/f');
    expect(hfs.realpath('/l/../d')).toBe('/d');
    expect(hfs.realpath('/')).toBe('/');
    expect(hfs.realpath('/missing')).toBe(-ENOENT);
    expect(hfs.realpath('/out')).toBe(-EXDEV);
    expect(new HostFs('/').realpath(host('l'))).toBe(fs.realpathSync.native(host('d')));
  });
});

describe('HostStdio', () => {
  it('writes everything and reads to EOF through a host descriptor', () => {
    const fd = hostFd('out', 'w+');
    const h = new HostStdio(fd, { isTty: false });
    expect(h.seekable).toBe(false);
    expect(h.isTty).toBe(false);
    const big = new Uint8Array(1 << 20).fill(0x61);
    expect(h.write(big)).toBe(big.length);
    expect(h.write(enc('!'))).toBe(1);
    expect(fs.statSync(host('out')).size).toBe((1 << 20) + 1);
    expect(((h.stat() as Stat).mode & S_IFMT)).toBe(S_IFREG);
    expect(h.sync()).toBe(0);
    const r = new HostStdio(hostFd('out', 'r'), { isTty: false });
    const buf = new Uint8Array(1 << 21);
    let total = 0;
    for (let n; (n = r.read(buf.subarray(total))) > 0; ) total += n;
    expect(total).toBe((1 << 20) + 1);
    expect(r.read(buf)).toBe(0); // EOF
    expect(r.read(new Uint8Array(0))).toBe(0);
    expect(h.ioctl(TCGETS, 0, memory().io)).toBe(-ENOTTY);
    expect(h.truncate(0)).toBe(0); // a regular file behind stdout can be truncated
    expect(fs.fstatSync(fd).size).toBe(0);
  });

  it('close leaves the host descriptor open', () => {
    const fd = hostFd('f', 'w');
    const h = new HostStdio(fd);
    h.close();
    expect(h.write(enc('x'))).toBe(-EBADF);
    expect(h.read(new Uint8Array(1))).toBe(-EBADF);
    expect(h.stat()).toBe(-EBADF);
    expect(h.ioctl(TCGETS, 0, memory().io)).toBe(-EBADF);
    expect(() => fs.fstatSync(fd)).not.toThrow();
  });

  it('asks the host whether it is a terminal and where it points', () => {
    const h = new HostStdio(hostFd('f', 'w'));
    expect(h.isTty).toBe(false);
    if (linux) expect(h.path).toBe(fs.realpathSync(host('f')));
  });

  it('maps host errors', () => {
    fs.writeFileSync(host('f'), '');
    const h = new HostStdio(hostFd('f', 'r'), { isTty: false });
    expect(h.write(enc('x'))).toBe(-EBADF); // opened read-only
    expect(h.truncate(0)).toBe(-EINVAL);
    const d = new HostStdio(hostFd('.', 'r'), { isTty: false });
    expect(d.read(new Uint8Array(4))).toBe(-EISDIR);
  });

  it.runIf(linux)('reads a pipe through a worker: -EAGAIN until bytes arrive, then POLLIN; POLLHUP and 0 at the end', () => {
    execFileSync('mkfifo', [host('fifo')]);
    const r = fs.openSync(host('fifo'), fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
    const w = fs.openSync(host('fifo'), 'w');
    const events = new HostEvents();
    const reader = new StdinReader(r, events);
    const h = new HostStdio(r, { isTty: false, input: true, events, reader });
    const waitUntil = (ok: () => boolean) => {
      for (const t0 = Date.now(); !ok(); ) {
        if (Date.now() - t0 > 5000) throw new Error('timed out');
        events.idle(50e6);
      }
    };
    try {
      const buf = new Uint8Array(16);
      expect(reader.started).toBe(false);
      expect(h.read(buf)).toBe(-EAGAIN); // starts the worker; nothing there yet
      expect(reader.started).toBe(true);
      expect(h.poll()).toBe(0); // a pipe's read end is never writable
      fs.writeSync(w, 'late');
      waitUntil(() => (h.poll() & POLLIN) !== 0);
      expect(h.available!()).toBe(4);
      const n = h.read(buf);
      expect(dec(buf.subarray(0, n))).toBe('late');
      expect(h.read(buf)).toBe(-EAGAIN);
      fs.closeSync(w);
      waitUntil(() => (h.poll() & POLLHUP) !== 0);
      expect(h.read(buf)).toBe(0);
      expect(h.read(buf)).toBe(0);
    } finally {
      void reader.stop();
      try {
        fs.closeSync(r);
      } catch {
        // the worker's stream closed it at the end
      }
    }
  });

  it('regular files and output descriptors are used synchronously, always ready', () => {
    fs.writeFileSync(host('in'), 'abc');
    const r = new HostStdio(hostFd('in', 'r'), { isTty: false, input: true });
    expect(r.available).toBeUndefined(); // FIONREAD is the kernel's business here
    expect(r.poll()).toBe(POLLIN | POLLOUT | POLLRDNORM | POLLWRNORM);
    const buf = new Uint8Array(8);
    expect(r.read(buf)).toBe(3);
    expect(r.read(buf)).toBe(0);
    r.close();
    expect(r.poll()).toBe(POLLNVAL);
  });
});

describe('terminals the CLI emulates', () => {
  it('opening their device gives the emulated terminal instead of the host file', () => {
    const hfs = new HostFs('/');
    const nullRdev = Number(fs.statSync('/dev/null').rdev);
    const fake = { seekable: false } as FileHandle;
    const seen: number[] = [];
    hfs.terminalFor = (rdev) => (seen.push(rdev), rdev === nullRdev ? fake : null);
    expect(hfs.open('/dev/null', O_RDWR, 0)).toBe(fake);
    expect(seen).toEqual([nullRdev]);
    const zero = hfs.open('/dev/zero', O_RDONLY, 0) as FileHandle;
    expect(zero).not.toBe(fake);
    zero.close();
    fs.writeFileSync(host('plain'), '');
    const plain = hfs.open(host('plain'), O_RDONLY, 0) as FileHandle;
    expect(seen).toHaveLength(2); // only character devices are asked about
    plain.close();
  });
});

describe('HostTerminal ioctls (on a host tty)', () => {
  function ttyStdio(terminal = new HostTerminal(() => ({ rows: 33, cols: 120 }))): HostStdio {
    return new HostStdio(hostFd('tty-stand-in', 'w'), { isTty: true, terminal });
  }

  it('TCGETS writes the 36-byte kernel termios with cooked defaults', () => {
    const { bytes, io } = memory();
    bytes.fill(0xee);
    expect(ttyStdio().ioctl(TCGETS, 16, io)).toBe(0);
    const v = new DataView(bytes.buffer);
    expect(v.getUint32(16 + 12, true) & (ICANON | ECHO)).toBe(ICANON | ECHO);
    expect(v.getUint32(16 + 8, true) & 0o60).toBe(0o60); // CS8
    expect(bytes[16 + 17]).toBe(3); // VINTR ^C
    expect(bytes[16 + 17 + 4]).toBe(4); // VEOF ^D
    expect(bytes[16 + 17 + 6]).toBe(1); // VMIN
    expect(bytes[16 + TERMIOS_SIZE]).toBe(0xee); // nothing beyond the struct
    expect(bytes[15]).toBe(0xee);
  });

  it('TCSETS* records the settings, TCGETS returns them, onChange hears of it', () => {
    const terminal = new HostTerminal(() => ({ rows: 1, cols: 1 }));
    const h = ttyStdio(terminal);
    const { bytes, io } = memory();
    h.ioctl(TCGETS, 0, io);
    const v = new DataView(bytes.buffer);
    v.setUint32(12, v.getUint32(12, true) & ~(ICANON | ECHO), true);
    let seen = -1;
    terminal.onChange = (t) => (seen = t.lflag);
    expect(h.ioctl(TCSETSF, 0, io)).toBe(0);
    expect(seen & (ICANON | ECHO)).toBe(0);
    const again = memory();
    h.ioctl(TCGETS, 8, again.io);
    expect(again.bytes.subarray(8, 8 + TERMIOS_SIZE)).toEqual(bytes.subarray(0, TERMIOS_SIZE));
    expect(h.ioctl(TCSETS, 0, io)).toBe(0);
  });

  it('TCGETS2 adds the speeds', () => {
    const { bytes, io } = memory();
    expect(ttyStdio().ioctl(0x802c542a, 0, io)).toBe(0);
    const v = new DataView(bytes.buffer);
    expect(v.getUint32(36, true)).toBe(38400);
    expect(v.getUint32(40, true)).toBe(38400);
  });

  it('TIOCGWINSZ reports rows and columns', () => {
    const { bytes, io } = memory();
    expect(ttyStdio().ioctl(TIOCGWINSZ, 4, io)).toBe(0);
    const v = new DataView(bytes.buffer);
    expect([v.getUint16(4, true), v.getUint16(6, true), v.getUint16(8, true), v.getUint16(10, true)]).toEqual([33, 120, 0, 0]);
  });

  it('defaults the window size to the host stdout or 80x24', () => {
    const { bytes, io } = memory();
    expect(new HostTerminal().ioctl(TIOCGWINSZ, 0, io)).toBe(0);
    const v = new DataView(bytes.buffer);
    const rows = process.stdout.isTTY ? process.stdout.rows : 24;
    const cols = process.stdout.isTTY ? process.stdout.columns : 80;
    expect([v.getUint16(0, true), v.getUint16(2, true)]).toEqual([rows, cols]);
  });

  it('accepts tcdrain and tcflush, refuses other requests', () => {
    const h = ttyStdio();
    const { io } = memory();
    expect(h.ioctl(0x5409, 1, io)).toBe(0); // TCSBRK
    expect(h.ioctl(0x540b, 0, io)).toBe(0); // TCFLSH
    expect(h.ioctl(0x540f, 0, io)).toBe(-ENOTTY); // TIOCGPGRP is the kernel's business
    expect(h.ioctl(0x1234, 0, io)).toBe(-ENOTTY);
  });

  it('reports EFAULT for bad guest memory', () => {
    const h = ttyStdio();
    const { io } = memory(16);
    expect(h.ioctl(TCGETS, 0, io)).toBe(-EFAULT);
    expect(h.ioctl(TCSETS, 0, io)).toBe(-EFAULT);
    expect(h.ioctl(TIOCGWINSZ, 12, io)).toBe(-EFAULT);
  });
});

describe('file times', () => {
  it('stat reports the host\'s times to the nanosecond (doubles of nanoseconds would round them)', () => {
    const dir = fs.mkdtempSync(join(tmpdir(), 'a64play-times-'));
    try {
      const file = join(dir, 'f');
      fs.writeFileSync(file, 'x');
      // the host's touch sets nanoseconds exactly; node:fs's utimes takes double seconds
      execFileSync('touch', ['-d', '2024-01-02 03:04:05.123456789 UTC', file]);
      const st = new HostFs('/').stat(file, true);
      if (typeof st === 'number') throw new Error(`stat failed: ${st}`);
      const raw = new DataView(encodeStat(st).buffer);
      const at = (off: number) => [Number(raw.getBigUint64(off, true)), Number(raw.getBigUint64(off + 8, true))];
      const want = [Date.UTC(2024, 0, 2, 3, 4, 5) / 1000, 123456789];
      expect(at(72)).toEqual(want); // st_atime, st_atime_nsec
      expect(at(88)).toEqual(want); // st_mtime, st_mtime_nsec
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
