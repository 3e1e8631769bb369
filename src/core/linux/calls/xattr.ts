/**
 * Extended attributes. a64play's filesystems keep none and take none, like a filesystem without
 * xattr support for the names asked (Linux's tmpfs without CONFIG_TMPFS_XATTR): reading one says
 * "no such attribute" (ENODATA), the list is empty, setting one is EOPNOTSUPP. Programs ask
 * for them all the time (ls -l for SELinux labels and ACLs, cp -a, tar --xattrs), and they
 * take these answers as "none here".
 *
 * The checks before that are Linux's: the file must exist (ENOENT, ENOTDIR, ELOOP…); the name
 * must be 1..255 bytes (ERANGE) in a known namespace (EOPNOTSUPP); a descriptor opened with O_PATH
 * is EBADF.
 */
import { utf8Encode } from '../../util/utf8.js';
import { O_PATH } from '../abi.js';
import { EBADF, EFAULT, EINVAL, ENODATA, EOPNOTSUPP, ERANGE } from '../errno.js';
import type { SyscallContext, SyscallLine } from '../syscalls.js';
import { fileOf, pathAt } from './fs.js';

const XATTR_NAME_MAX = 255;
const XATTR_CREATE = 1;
const XATTR_REPLACE = 2;
const NAMESPACES = ['user.', 'trusted.', 'security.', 'system.'];

/** The file a call names: a path argument (followed or not) or a descriptor argument. */
type Target = { path: number; follow: boolean } | { fd: number };

/** 0 when the file exists, else -errno. */
function checkFile(c: SyscallContext, t: Target): number {
  if ('fd' in t) {
    const f = fileOf(c, c.i(t.fd));
    if (typeof f === 'number') return f;
    return f.flags & O_PATH ? -EBADF : 0;
  }
  const abs = pathAt(c, null, t.path);
  if (typeof abs === 'number') return abs;
  const st = c.k.vfs.stat(abs, t.follow);
  return typeof st === 'number' ? st : 0;
}

/** 0 when the attribute name in argument `i` is well formed, else -errno. */
function checkName(c: SyscallContext, i: number): number {
  const name = c.path(i);
  if (typeof name === 'number') return name === -EFAULT ? name : -ERANGE;
  if (name.length === 0 || utf8Encode(name).length > XATTR_NAME_MAX) return -ERANGE;
  const ns = NAMESPACES.find((n) => name.startsWith(n));
  if (!ns) return -EOPNOTSUPP;
  return name.length === ns.length ? -EINVAL : 0;
}

/** getxattr and removexattr: the file has no attribute of that name. */
function noSuchAttribute(t: Target) {
  return (c: SyscallContext): number => checkFile(c, t) || checkName(c, 1) || -ENODATA;
}

function setxattr(t: Target) {
  return (c: SyscallContext): number => {
    if (c.i(4) & ~(XATTR_CREATE | XATTR_REPLACE)) return -EINVAL;
    return checkFile(c, t) || checkName(c, 1) || -EOPNOTSUPP;
  };
}

/** listxattr: an empty list. */
function listxattr(t: Target) {
  return (c: SyscallContext): number => checkFile(c, t);
}

const path = { path: 0, follow: true };
const lpath = { path: 0, follow: false };
const fd = { fd: 0 };

export const xattrCalls: SyscallLine[] = [
  [5, 'setxattr', setxattr(path), 'path path ptr size int'],
  [6, 'lsetxattr', setxattr(lpath), 'path path ptr size int'],
  [7, 'fsetxattr', setxattr(fd), 'fd path ptr size int'],
  [8, 'getxattr', noSuchAttribute(path), 'path path ptr size'],
  [9, 'lgetxattr', noSuchAttribute(lpath), 'path path ptr size'],
  [10, 'fgetxattr', noSuchAttribute(fd), 'fd path ptr size'],
  [11, 'listxattr', listxattr(path), 'path ptr size'],
  [12, 'llistxattr', listxattr(lpath), 'path ptr size'],
  [13, 'flistxattr', listxattr(fd), 'fd ptr size'],
  [14, 'removexattr', noSuchAttribute(path), 'path path'],
  [15, 'lremovexattr', noSuchAttribute(lpath), 'path path'],
  [16, 'fremovexattr', noSuchAttribute(fd), 'fd path'],
];
