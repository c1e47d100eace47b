/**
 * A file's bytes as the shared readers take them (json-spans.ts `Utf8File`), with Node's UTF-8
 * decoder. A module of its own so that the import's reading worker, which needs only this,
 * does not load every reader of foreign-files.ts.
 */
import type { Utf8File } from '../../../shared/formats/json-spans';

export const utf8Bytes = (bytes: Buffer): Utf8File => ({ bytes, text: (start?: number, end?: number) => bytes.toString('utf8', start, end) });
