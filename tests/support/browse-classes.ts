/**
 * Run as a child process (inside a test's network namespace): browses the network for Glose
 * classes with the real mDNS transport and prints the first non-empty list as JSON, or `[]`
 * after the number of milliseconds given as its argument.
 */
import { bonjourTransport, browseSessions } from '../../electron/server/discovery';

const transport = bonjourTransport();
const done = (list: unknown[]) => {
  console.log(JSON.stringify(list));
  transport.destroy();
  process.exit(0);
};
browseSessions(transport, (list) => list.length > 0 && done(list));
setTimeout(() => done([]), Number(process.argv[2] ?? 5000));
