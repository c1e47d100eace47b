/**
 * Loads what the database holds for one document into a Y.Doc without trusting it: the stored
 * update is applied to a scratch copy first, and when it throws (a broken entry written before
 * the server checked updates, or damaged on disk) the document is left as it was and a warning
 * names the document. Used by the server's load and by the command line's database reader.
 */
import * as Y from 'yjs';

export function applyStoredUpdate(doc: Y.Doc, update: Uint8Array, name: string, warn: (message: string) => void = console.warn): boolean {
  const scratch = new Y.Doc();
  try {
    Y.applyUpdate(scratch, update);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(scratch));
    return true;
  } catch (error) {
    warn(`${name}: skipped a stored update that cannot be applied (${(error as Error).message})`);
    return false;
  } finally {
    scratch.destroy();
  }
}
