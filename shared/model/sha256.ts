/**
 * The SHA-256 of a text's UTF-8 bytes, in hex: an article's hash (corpus.ts). Kept apart from
 * the corpus document so code that only hashes (the import's reading worker) does not load Yjs.
 */
import { digest } from 'lib0/hash/sha256';
import { encodeUtf8 } from 'lib0/string';

export function sha256Hex(text: string): string {
  const bytes = digest(encodeUtf8(text));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
