/**
 * IPv4 and IPv6 socket addresses (struct sockaddr_in, sockaddr_in6) for a64play's loopback-only
 * internet sockets: guest programs reach each other through 127.0.0.0/8 and ::1, nothing else.
 */
import { EAFNOSUPPORT, EINVAL } from '../linux/errno.js';

export const AF_INET = 2;
export const AF_INET6 = 10;
export const SOCKADDR_IN_SIZE = 16;
export const SOCKADDR_IN6_SIZE = 28;

/** What an address names: any local address (0.0.0.0, ::), this machine (127/8, ::1), or elsewhere. */
export type InetScope = 'any' | 'loopback' | 'other';

export interface InetAddr {
  port: number;
  scope: InetScope;
}

const family = (a: Uint8Array) => a[0]! | (a[1]! << 8);

/** Reads a sockaddr given to a socket of `fam`: its port and scope, or -errno. */
export function parseInet(fam: number, a: Uint8Array): InetAddr | number {
  const size = fam === AF_INET ? SOCKADDR_IN_SIZE : 24; // sin6_scope_id may be left out
  if (a.length < 2) return -EINVAL;
  if (family(a) !== fam) {
    // an IPv6 socket takes no IPv4 sockaddr, and an IPv4 one no IPv6 sockaddr
    return a.length < size ? -EINVAL : -EAFNOSUPPORT;
  }
  if (a.length < size) return -EINVAL;
  const port = (a[2]! << 8) | a[3]!;
  if (fam === AF_INET) return { port, scope: scope4(a.subarray(4, 8)) };
  const ip = a.subarray(8, 24);
  const mapped = ip.subarray(0, 10).every((b) => b === 0) && ip[10] === 0xff && ip[11] === 0xff;
  if (mapped) return { port, scope: scope4(ip.subarray(12, 16)) };
  const zero = ip.subarray(0, 15).every((b) => b === 0);
  return { port, scope: zero && ip[15] === 0 ? 'any' : zero && ip[15] === 1 ? 'loopback' : 'other' };
}

function scope4(ip: Uint8Array): InetScope {
  if (ip.every((b) => b === 0)) return 'any';
  return ip[0] === 127 ? 'loopback' : 'other';
}

/** The sockaddr of `fam` for the any-address or the loopback address and `port`. */
export function inetAddr(fam: number, scope: 'any' | 'loopback', port: number): Uint8Array {
  const a = new Uint8Array(fam === AF_INET ? SOCKADDR_IN_SIZE : SOCKADDR_IN6_SIZE);
  a[0] = fam & 0xff;
  a[2] = port >> 8;
  a[3] = port & 0xff;
  if (scope === 'loopback') {
    if (fam === AF_INET) a.set([127, 0, 0, 1], 4);
    else a[23] = 1;
  }
  return a;
}

export function inetPort(a: Uint8Array): number {
  return (a[2]! << 8) | a[3]!;
}

/** The address a datagram from a socket bound to `a` comes from: the any-address reads as loopback. */
export function sourceOf(fam: number, a: Uint8Array): Uint8Array {
  const p = parseInet(fam, a);
  return typeof p !== 'number' && p.scope === 'any' ? inetAddr(fam, 'loopback', p.port) : a;
}

/** "127.0.0.1:8080" or "[::1]:8080", for strace */
export function inetText(a: Uint8Array): string {
  const port = inetPort(a);
  if (family(a) === AF_INET) return `{sin_family=AF_INET,sin_port=htons(${port}),sin_addr=inet_addr("${[...a.subarray(4, 8)].join('.')}")}`;
  const words: string[] = [];
  for (let i = 8; i < 24 && i + 1 < a.length; i += 2) words.push(((a[i]! << 8) | a[i + 1]!).toString(16));
  return `{sin6_family=AF_INET6,sin6_port=htons(${port}),sin6_addr=${words.join(':')}}`;
}
