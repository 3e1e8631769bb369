/**
 * AF_INET and AF_INET6 sockets on loopback: TCP (SOCK_STREAM) and UDP (SOCK_DGRAM) between guest
 * programs, through 127.0.0.0/8, ::1 and the any-address; there is no network beyond this machine
 * (other addresses: ENETUNREACH). They are UnixSockets (vfs/socket.ts) with internet addresses and
 * a port space: TCP and UDP ports apart, IPv4 and IPv6 sharing them (an IPv6 socket on the
 * any-address also takes IPv4 connections, as Linux's default dual stack does).
 */
import { AF_INET, AF_INET6, inetAddr, type InetAddr, parseInet } from '../../vfs/inet.js';
import { SOCK_DGRAM, SOCK_STREAM, UnixSocket } from '../../vfs/socket.js';
import { EADDRINUSE, EADDRNOTAVAIL, EINVAL, ENETUNREACH, EPROTONOSUPPORT, ESOCKTNOSUPPORT } from '../errno.js';
import type { Kernel } from '../kernel.js';
import type { SyscallContext } from '../syscalls.js';

export const IPPROTO_TCP = 6;
export const IPPROTO_UDP = 17;
/** Linux's default ip_local_port_range */
const EPHEMERAL_FIRST = 32768;
const EPHEMERAL_LAST = 60999;

/** Bound internet sockets by protocol and port. */
class PortSpace {
  private readonly bound = new Map<string, UnixSocket>();
  private next = EPHEMERAL_FIRST;

  get(type: number, port: number): UnixSocket | undefined {
    return this.bound.get(`${type}:${port}`);
  }

  bind(s: UnixSocket, scope: 'any' | 'loopback', port: number): number {
    if (s.addr) return -EINVAL;
    if (port === 0) {
      const p = this.freePort(s.type);
      if (p < 0) return p;
      port = p;
    } else if (this.get(s.type, port)) return -EADDRINUSE;
    const key = `${s.type}:${port}`;
    this.bound.set(key, s);
    s.bound(inetAddr(s.family, scope, port), () => {
      if (this.bound.get(key) === s) this.bound.delete(key);
    });
    return 0;
  }

  private freePort(type: number): number {
    for (let i = 0; i <= EPHEMERAL_LAST - EPHEMERAL_FIRST; i++) {
      const p = this.next;
      this.next = p === EPHEMERAL_LAST ? EPHEMERAL_FIRST : p + 1;
      if (!this.get(type, p)) return p;
    }
    return -EADDRINUSE;
  }
}

const spaces = new WeakMap<Kernel, PortSpace>();
function portsOf(k: Kernel): PortSpace {
  let ps = spaces.get(k);
  if (!ps) spaces.set(k, (ps = new PortSpace()));
  return ps;
}

/** socket(AF_INET or AF_INET6, kind, protocol): the socket, or -errno. */
export function inetSocket(domain: number, kind: number, protocol: number, cred: UnixSocket['cred']): UnixSocket | number {
  if (kind === SOCK_STREAM && protocol !== 0 && protocol !== IPPROTO_TCP) return -EPROTONOSUPPORT;
  if (kind === SOCK_DGRAM && protocol !== 0 && protocol !== IPPROTO_UDP) return -EPROTONOSUPPORT;
  if (kind !== SOCK_STREAM && kind !== SOCK_DGRAM) return -ESOCKTNOSUPPORT;
  const s = new UnixSocket(kind, cred);
  s.family = domain;
  return s;
}

export const isInet = (s: UnixSocket) => s.family === AF_INET || s.family === AF_INET6;

function isAnyAddress(s: UnixSocket): boolean {
  const p = s.addr ? parseInet(s.family, s.addr) : null;
  return p !== null && typeof p !== 'number' && p.scope === 'any';
}

/** bind(2) of an internet socket to the address `a`. */
export function inetBind(c: SyscallContext, s: UnixSocket, a: Uint8Array): number {
  const p = parseInet(s.family, a);
  if (typeof p === 'number') return p;
  if (p.scope === 'other') return -EADDRNOTAVAIL;
  return portsOf(c.k).bind(s, p.scope, p.port);
}

/**
 * The implicit bind of listen and sendto (an ephemeral port on the any-address) and of a TCP
 * connect (on the loopback address it goes out from).
 */
export function inetAutobind(c: SyscallContext, s: UnixSocket, scope: 'any' | 'loopback' = 'any'): number {
  return s.addr ? 0 : portsOf(c.k).bind(s, scope, 0);
}

const IPPROTO_IP = 0;
const IPPROTO_IPV6 = 41;
/** the protocol-level options a program reads back before setting them, with Linux's defaults */
const OPTION_DEFAULTS = new Map<string, number>([
  [`${IPPROTO_TCP}:1`, 0], // TCP_NODELAY
  [`${IPPROTO_TCP}:2`, 536], // TCP_MAXSEG
  [`${IPPROTO_TCP}:4`, 7200], // TCP_KEEPIDLE
  [`${IPPROTO_TCP}:5`, 75], // TCP_KEEPINTVL
  [`${IPPROTO_TCP}:6`, 9], // TCP_KEEPCNT
  [`${IPPROTO_IP}:2`, 64], // IP_TTL
  [`${IPPROTO_IPV6}:26`, 0], // IPV6_V6ONLY
]);

/** Whether `level` is one of the protocol levels an internet socket keeps options for. */
export function isInetLevel(s: UnixSocket, level: number): boolean {
  return isInet(s) && (level === IPPROTO_TCP ? s.type === SOCK_STREAM : level === IPPROTO_IP || level === IPPROTO_IPV6);
}

/** setsockopt at IPPROTO_TCP/IP/IPV6: the integer is kept (and changes nothing on loopback). */
export function setInetOption(s: UnixSocket, level: number, name: number, value: number): void {
  s.protoOptions.set(`${level}:${name}`, value);
}

/** getsockopt at those levels: what was set, else Linux's default, else null (ENOPROTOOPT). */
export function getInetOption(s: UnixSocket, level: number, name: number): number | null {
  const key = `${level}:${name}`;
  return s.protoOptions.get(key) ?? OPTION_DEFAULTS.get(key) ?? null;
}

/** The socket of the same protocol bound to the port `a` names on this machine, null if none, or -errno. */
export function inetTarget(c: SyscallContext, s: UnixSocket, a: Uint8Array): { to: UnixSocket | null; at: InetAddr } | number {
  const p = parseInet(s.family, a);
  if (typeof p === 'number') return p;
  if (p.scope === 'other') return -ENETUNREACH;
  const to = portsOf(c.k).get(s.type, p.port) ?? null;
  // from IPv4, an IPv6 socket is reachable only on the (dual-stack) any-address, and IPv4 ones not from IPv6
  if (to && to.family !== s.family && (s.family === AF_INET6 || !to.addr || !isAnyAddress(to))) return { to: null, at: p };
  return { to, at: p };
}

/**
 * After a TCP connect to `server` through the address `at`: the accepted end is named by the
 * address the client asked for (the any-address reads as loopback), the client by its own.
 */
export function nameAccepted(client: UnixSocket, at: InetAddr): void {
  const embryo = client.peer;
  if (embryo) embryo.addr = inetAddr(embryo.family, 'loopback', at.port);
}
