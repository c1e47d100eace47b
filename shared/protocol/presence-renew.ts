/**
 * Asking clients to send their presence again. When the teacher reveals a blind class, students
 * and the projector hold classmates' states as removed, at the clock they had when blind began
 * (electron/server/presence-filter.ts removed them); Yjs awareness applies a state only with a
 * newer clock, so classmates would reappear only at each one's next renewal (up to 15 s later).
 * The server sends this stateless message on the corpus document instead, and each client sets
 * its own state again (a new clock), which reaches everyone at once.
 */
export const PRESENCE_RENEW = JSON.stringify({ type: 'glose-presence-renew' });
