/**
 * The annotation files `glose import` reads from other tools (which reader, and what the path
 * says: shared/formats/foreign-files.ts, shared with the app), read from disk. Also the two maps
 * a researcher may give: `--kind-map FROM=TO` (repeatable) and `--source-map FILE` (JSON,
 * source → article id).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseJson } from '../../../shared/formats/json-text';
import type { ForeignBatch } from '../../../shared/formats/foreign-item';
import { readForeignFile as readForeign } from '../../../shared/formats/foreign-files';
import type { Utf8File } from '../../../shared/formats/json-spans';
import { w3cItemReader, type ItemReader } from '../../../shared/formats/w3c-bytes';
import type { Tagset } from '../../../shared/model/tagset';
import { utf8Bytes } from './utf8-bytes';

export { ANNOTATION_FILE } from '../../../shared/formats/foreign-files';

const utf8File = (file: string): Utf8File => utf8Bytes(readFileSync(file));

export function readForeignFile(file: string, creator: string | undefined): ForeignBatch {
  const sibling = (p: string) => (existsSync(p) ? readFileSync(p, 'utf8') : undefined);
  const read = readForeign(path.resolve(file), utf8File(file), sibling, { creator, shown: file });
  if (!read.ok) throw new Error(read.error);
  return read.value;
}

/** The items of a W3C or Hypothesis JSON file, to be read one by one (w3c-bytes.ts); null for another file, or a shape only a whole parse reads. */
export function w3cItemsOf(file: string): ItemReader | null {
  return /\.(json|jsonld)$/i.test(file) ? w3cItemReader(utf8File(file), file) : null;
}

/** `FROM=TO` pairs: a foreign label (any case) to a kind or relation key of the tagset. */
export function kindMap(pairs: readonly string[], tagset: Tagset): Map<string, string> {
  const keys = new Set([...tagset.kinds, ...tagset.relations].map((k) => k.key));
  const map = new Map<string, string>();
  for (const pair of pairs) {
    const at = pair.lastIndexOf('=');
    const to = pair.slice(at + 1);
    if (at < 0 || !keys.has(to)) throw new Error(`--kind-map ${pair}: expected FROM=TO with TO one of ${[...keys].join(', ')}`);
    map.set(pair.slice(0, at).trim().toLowerCase(), to);
  }
  return map;
}

export function sourceMap(file: string | undefined): Map<string, string> {
  if (!file) return new Map();
  const json = parseJson(file, readFileSync(file, 'utf8'));
  if (!json.ok) throw new Error(json.error);
  const entries = json.value && typeof json.value === 'object' && !Array.isArray(json.value) ? Object.entries(json.value) : null;
  if (!entries || entries.some(([, v]) => typeof v !== 'string')) throw new Error(`${file}:1: a source map is a JSON object from source to article id`);
  return new Map(entries as [string, string][]);
}
