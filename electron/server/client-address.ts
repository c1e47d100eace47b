/**
 * The address a request comes from, for the per-address limits (wrong join codes, page loads).
 * Behind a school's reverse proxy every request arrives from the proxy, so one class's wrong
 * guesses would lock the whole school out: when the socket's peer is a proxy the operator named
 * (`--trusted-proxy`, GLOSE_TRUSTED_PROXIES), the address is read from `X-Forwarded-For`, from
 * the right, skipping the trusted proxies: the first address no trusted proxy vouches for. A
 * client cannot pick its own key by sending the header: from an untrusted peer it is ignored,
 * and entries left of the first untrusted one were written by the client.
 */
import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';

/** An IPv4 address seen through an IPv6 socket counts as itself. */
const plain = (address: string): string => address.trim().replace(/^::ffff:/, '');

export function clientAddress(request: IncomingMessage, trustedProxies: ReadonlySet<string>): string {
  const peer = plain(request.socket.remoteAddress ?? '?');
  if (!trustedProxies.has(peer)) return peer;
  const header = request.headers['x-forwarded-for'];
  const hops = (Array.isArray(header) ? header.join(',') : (header ?? '')).split(',').map(plain);
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i]!;
    if (isIP(hop) === 0) return peer; // a malformed chain: the proxy itself is the key, never a made-up one
    if (!trustedProxies.has(hop)) return hop;
  }
  return peer;
}

/** The trusted proxies from a list of addresses (the CLI's options or a comma-separated variable). */
export function trustedProxySet(addresses: readonly string[]): ReadonlySet<string> {
  const bad = addresses.map(plain).filter((a) => isIP(a) === 0);
  if (bad.length > 0) throw new Error(`not an IP address: ${bad.join(', ')} (a trusted proxy is named by its address)`);
  return new Set(addresses.map(plain));
}
