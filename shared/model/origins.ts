/**
 * Transaction origins. Every Yjs write names where it came from, so observers can tell their
 * own edits from remote ones and undo only tracks the local user's actions.
 */
export const LOCAL = 'glose:local';
export const SEED = 'glose:seed';
