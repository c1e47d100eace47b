/**
 * The addresses at which other machines can reach a server on this one: for a server listening
 * on all interfaces, every non-internal IPv4 address (the classroom network); otherwise its own.
 */
import { networkInterfaces } from 'node:os';

export function reachableAddresses(host: string, interfaces = networkInterfaces()): string[] {
  if (host !== '0.0.0.0') return [host];
  const all = Object.values(interfaces).flat();
  const external = all.filter((i) => i && i.family === 'IPv4' && !i.internal).map((i) => i!.address);
  return external.length > 0 ? external : ['127.0.0.1'];
}
