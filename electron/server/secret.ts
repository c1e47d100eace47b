/**
 * The server's token-signing secret: GLOSE_SECRET from the environment when set, otherwise
 * the `secret` file of the data directory, created with 32 random bytes (hex, mode 0600) on
 * first use. `npm run server` and `npm run glose -- token` share it through the data
 * directory, so a token minted by one is accepted by the other.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { privateDir } from './private-files';

export const MIN_SECRET_LENGTH = 32;

export function secretFile(dataDir: string): string {
  return join(dataDir, 'secret');
}

export function resolveSecret(dataDir: string, env: NodeJS.ProcessEnv = process.env, random = randomBytes): string {
  const fromEnv = env.GLOSE_SECRET;
  if (fromEnv !== undefined && fromEnv !== '') return checked(fromEnv, 'GLOSE_SECRET');
  const kept = readSecretFile(dataDir);
  if (kept !== null) return kept;
  const file = secretFile(dataDir);
  privateDir(dataDir);
  const secret = random(32).toString('hex');
  writeFileSync(file, secret + '\n', { mode: 0o600, flag: 'wx' });
  return secret;
}

/** The secret kept in `dataDir`'s `secret` file, or null when there is none (it is never created here). */
export function readSecretFile(dataDir: string): string | null {
  const file = secretFile(dataDir);
  return existsSync(file) ? checked(readFileSync(file, 'utf8').trim(), file) : null;
}

function checked(secret: string, from: string): string {
  if (secret.length < MIN_SECRET_LENGTH) throw new Error(`the secret from ${from} is shorter than ${MIN_SECRET_LENGTH} characters`);
  return secret;
}
