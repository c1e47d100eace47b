/**
 * Why the server refused something. Each refusal carries a stable code (the renderer
 * translates it) followed by English text, as `code: text`, in Hocuspocus's
 * permission-denied and close messages and in `glose-error` stateless notices.
 */
export const REASONS = {
  'token-missing': 'no session token was given',
  'token-malformed': 'the session token is not a Glose token',
  'token-bad-signature': 'the session token was not issued by this server',
  'token-expired': 'the session token has expired; ask the teacher for a new one',
  'unknown-document': 'no such document',
  'wrong-corpus': 'the session token is for another corpus',
  'forbidden-read': 'this role may not open this document',
  'forbidden-write': 'this role may only read this document; the change was not saved',
  'malformed-message': 'the server could not read a message and closed the connection',
  'storage-corrupt': 'the server cannot read this document from its database; the teacher should restore a backup',
} as const;

export type ReasonCode = keyof typeof REASONS;

/** The reason string sent to clients: `code: English text`. */
export function reasonText(code: ReasonCode): string {
  return `${code}: ${REASONS[code]}`;
}

/** Reads the code back from a reason string; null when it is not one of ours. */
export function reasonCode(reason: string): ReasonCode | null {
  const code = reason.split(':', 1)[0]!;
  return code in REASONS ? (code as ReasonCode) : null;
}

/** An error Hocuspocus turns into a refusal: it sends `reason` and closes with `code`. */
export class Refusal extends Error {
  readonly reason: string;
  constructor(
    readonly reasonCode: ReasonCode,
    readonly code = 4403,
  ) {
    super(reasonText(reasonCode));
    this.reason = reasonText(reasonCode);
  }
}
