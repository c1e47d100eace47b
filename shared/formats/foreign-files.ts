/**
 * Which reader an annotation file of another tool goes to, and what its path says, for the CLI
 * (files on disk) and the app (files picked, or the entries of a .zip) alike: W3C JSON-LD and
 * Hypothesis API JSON (.json, .jsonld); W3C JSON lines (.jsonl, .ndjson, or a .json file of
 * one Annotation per line: w3c-lines.ts; Glose's own flat JSON-lines export is refused with
 * what to import instead); brat standoff (.ann, with the .txt of the same name
 * beside it; the layer is the given creator or the folder, as `glose export --format brat`
 * lays it out, else `brat`); WebAnno TSV 3 (.tsv; INCEpTION's `annotation/<document>/<user>.tsv`
 * gives the document and the annotator, another .tsv its name as the document and `webanno` as
 * the annotator). A file that cannot be read at all (not JSON, a .ann without its text) is an
 * error naming it: the CLI stops on it, the app lists it with the other bad items.
 */
import { parseJson } from './json-text';
import { readBrat } from './brat-read';
import type { ForeignBatch } from './foreign-item';
import type { Utf8File } from './json-spans';
import { fail, ok, type Result } from '../result';
import { readW3cFile } from './w3c-bytes';
import { firstLineKind, looksLikeW3cLines, readW3cLines } from './w3c-lines';
import { readW3c } from './w3c-read';
import { readWebAnno } from './webanno-read';

export const ANNOTATION_FILE = /\.(json|jsonld|jsonl|ndjson|ann|tsv)$/i;

/** JSON lines, told apart by content: W3C annotations are read line by line; Glose's own export of flat records is not annotations. */
function jsonLines(text: string, shown: string): Result<ForeignBatch> {
  if (firstLineKind(text) === 'glose') {
    return fail(`${shown}: this is Glose's own JSON-lines export (flat records, not W3C annotations); import the bundle (.zip) or the W3C export (.jsonld) it came from`);
  }
  return ok(readW3cLines(text, shown));
}

const segments = (path: string) => path.split(/[/\\]/).filter((s) => s !== '');

/**
 * `path` is the file's full path (its folders name the layer or the document); `content` its
 * text, or its bytes (a JSON file is then read item by item: w3c-bytes.ts); `shown` is how
 * the user named it, in messages; `sibling` reads another file by path (a brat .ann's .txt).
 */
export function readForeignFile(path: string, content: string | Utf8File, sibling: (path: string) => string | undefined, options: { creator?: string; shown?: string } = {}): Result<ForeignBatch> {
  const shown = options.shown ?? path;
  const text = (): string => (typeof content === 'string' ? content : content.text());
  const parts = segments(path);
  const name = parts.at(-1) ?? path;
  const folder = parts.at(-2);
  if (/\.ann$/i.test(name)) {
    const txtPath = path.replace(/\.ann$/i, '.txt');
    const txtName = name.replace(/\.ann$/i, '.txt');
    const txt = sibling(txtPath);
    if (txt === undefined) return fail(`${shown}: brat standoff needs its text beside it (${txtName})`);
    return ok(readBrat(text(), txt, shown, txtName, options.creator ?? folder ?? 'brat'));
  }
  if (/\.tsv$/i.test(name)) {
    const inception = parts.at(-3) === 'annotation' && folder !== undefined;
    const stem = name.replace(/\.tsv$/i, '');
    return ok(readWebAnno(text(), shown, inception ? folder : stem, options.creator ?? (inception ? stem : 'webanno')));
  }
  if (/\.(jsonl|ndjson)$/i.test(name)) return jsonLines(text(), shown);
  const whole = typeof content === 'string' ? parseJson(shown, content) : null;
  const read = whole ? (whole.ok ? ok(readW3c(whole.value, shown)) : whole) : readW3cFile(content as Utf8File, shown);
  // a .json file that is not one document may be JSON lines: its first line says
  return !read.ok && looksLikeW3cLines(text()) ? ok(readW3cLines(text(), shown)) : read;
}
