/**
 * `glose token --role R --user U --corpus C [--data DIR] [--ttl HOURS]`: prints a session
 * token signed with the server's secret (GLOSE_SECRET, or DIR/secret, see
 * electron/server/secret.ts), for scripts, tests and handing out by hand.
 */
import { parseArgs } from 'node:util';
import { resolveSecret } from '../../server/secret';
import { mintToken, ROLES, type Role } from '../../server/tokens';

export const DEFAULT_DATA_DIR = '.glose-data';

export async function run(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      role: { type: 'string' },
      user: { type: 'string' },
      corpus: { type: 'string' },
      data: { type: 'string', default: DEFAULT_DATA_DIR },
      ttl: { type: 'string', default: '12' },
    },
    strict: true,
  });
  if (!values.role || !(ROLES as readonly string[]).includes(values.role)) throw new Error(`--role must be one of ${ROLES.join(', ')}`);
  if (!values.user || !values.corpus) throw new Error('--user and --corpus are required');
  const hours = Number(values.ttl);
  if (!(hours > 0)) throw new Error('--ttl must be a positive number of hours');
  const secret = resolveSecret(values.data);
  const claims = { role: values.role as Role, user: values.user, corpus: values.corpus };
  process.stdout.write(mintToken(secret, claims, hours * 3600, Date.now()) + '\n');
}
