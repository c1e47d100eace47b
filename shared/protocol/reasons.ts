/**
 * Why the server refused something. Each refusal carries a stable code followed by English
 * text, as `code: text`, in Hocuspocus's permission-denied and close messages and in
 * `glose-error` stateless notices; the app shows the code's translation (the i18n files
 * type their `session.reasons` with ReasonCode, so a new code cannot go untranslated).
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
  'invalid-update': 'the change could not be applied; it was not saved',
  'invalid-record': 'the change leaves an annotation the server cannot accept; it was not saved',
  'quota-layer-size': 'this layer has reached its size limit; the change was not saved',
  'quota-write-rate': 'too many changes too fast; the change was not saved, it is sent again on reconnection',
  'quota-documents': 'this connection has too many documents open',
  'quota-awareness': 'a presence update was too big or too frequent and was dropped',
  'member-removed': 'the teacher removed this member from the class',
  'assignment-closed': 'the due time has passed: your marks can no longer be changed',
  'kind-not-assigned': 'the assignment does not use this kind of mark; the change was not saved',
  'voting-closed': 'the teacher has not opened the class vote on verdicts; the vote was not saved',
  'access-changed': 'the teacher changed the teams: open this document again to write it',
} as const;

export type ReasonCode = keyof typeof REASONS;

export function isReasonCode(code: string): code is ReasonCode {
  return Object.hasOwn(REASONS, code);
}

/** The reason string sent to clients: `code: English text`. */
export function reasonText(code: ReasonCode): string {
  return `${code}: ${REASONS[code]}`;
}

/** Reads the code back from a reason string; null when it is not one of ours. */
export function reasonCode(reason: string): ReasonCode | null {
  const code = reason.split(':', 1)[0]!.trim();
  return isReasonCode(code) ? code : null;
}
