/**
 * The annotation files `glose import` reads from other tools, each into a batch of foreign
 * items (shared/formats/foreign-item.ts): W3C JSON-LD and Hypothesis API JSON (.json,
 * .jsonld), brat standoff (.ann, with the .txt beside it; the layer is `--creator` or the
 * folder, as `glose export --format brat` lays it out), WebAnno TSV 3 (.tsv; INCEpTION's
 * `annotation/<document>/<user>.tsv` gives the document and the annotator). Also the two maps
 * a researcher may give: `--kind-map FROM=TO` (repeatable) and `--source-map FILE` (JSON,
 * source → article id).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseJson } from '../../../shared/formats/bundle-reader';
import { readBrat } from '../../../shared/formats/brat-read';
import type { ForeignBatch } from '../../../shared/formats/foreign-item';
import { readW3c } from '../../../shared/formats/w3c-read';
import { readWebAnno } from '../../../shared/formats/webanno-read';
import type { Tagset } from '../../../shared/model/tagset';

export const ANNOTATION_FILE = /\.(json|jsonld|ann|tsv)$/i;

export function readForeignFile(file: string, creator: string | undefined): ForeignBatch {
  const text = readFileSync(file, 'utf8');
  const name = path.basename(file);
  const folder = path.basename(path.dirname(path.resolve(file)));
  if (/\.ann$/i.test(file)) {
    const txt = file.replace(/\.ann$/i, '.txt');
    if (!existsSync(txt)) throw new Error(`${file}: brat standoff needs its text beside it (${path.basename(txt)})`);
    return readBrat(text, readFileSync(txt, 'utf8'), file, path.basename(txt), creator ?? folder);
  }
  if (/\.tsv$/i.test(file)) {
    const inception = path.basename(path.dirname(path.dirname(path.resolve(file)))) === 'annotation';
    return readWebAnno(text, file, inception ? folder : name.replace(/\.tsv$/i, ''), creator ?? (inception ? name.replace(/\.tsv$/i, '') : 'webanno'));
  }
  const json = parseJson(file, text);
  if (!json.ok) throw new Error(json.error);
  return readW3c(json.value, file);
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
