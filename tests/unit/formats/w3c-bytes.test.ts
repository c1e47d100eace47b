/**
 * Reading a W3C or Hypothesis JSON file item by item from its bytes (w3c-bytes.ts) gives exactly
 * what parsing the whole text and reading the tree gives (items, links, bad items with their
 * reasons, and the same error naming the line for a file that is not JSON): on Glose's own
 * export, the hand-written fixtures of other tools, every shape a file may take (arrays, pages,
 * collections, repeated keys, lists that are not arrays), hostile strings and invalid UTF-8,
 * and thousands of random corruptions of a valid file.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseJson } from '../../../shared/formats/json-text';
import { documentSpans, type Utf8File } from '../../../shared/formats/json-spans';
import { runWriter } from '../../../shared/formats/run-writer';
import { readW3cFile } from '../../../shared/formats/w3c-bytes';
import { w3cWriter } from '../../../shared/formats/w3c-export';
import { readW3c } from '../../../shared/formats/w3c-read';
import { ok } from '../../../shared/result';
import { CORPUS, seedCorpus } from './fixtures';

const file = (bytes: Buffer): Utf8File => ({ bytes, text: (start, end) => bytes.toString('utf8', start, end) });

/** What the whole-text path gives (the CLI read files this way before). */
function wholeRead(bytes: Buffer) {
  const json = parseJson('f.json', bytes.toString('utf8'));
  return json.ok ? ok(readW3c(json.value, 'f.json')) : json;
}

const same = (bytes: Buffer): void => expect(readW3cFile(file(bytes), 'f.json')).toEqual(wholeRead(bytes));

const annotation = (n: number, extra = ''): string =>
  `{"type":"Annotation","id":"urn:x:${n}","body":[{"purpose":"classifying","value":"claim"}],` +
  `"target":{"source":"a${n}.txt","selector":[{"type":"TextQuoteSelector","exact":"q \\"${n}\\" \\\\ é🤖","prefix":"","suffix":""}]}${extra}}`;
const two = `${annotation(1)},${annotation(2, ',"creator":"acct:x"')}`;

const ownExport = (): string => runWriter(w3cWriter({ corpus: CORPUS }), seedCorpus(6)).get('')!;

describe('readW3cFile', () => {
  it('reads Glose’s own export and the other tools’ fixtures as the whole-text reader does, item by item', () => {
    const own = Buffer.from(ownExport(), 'utf8');
    expect(documentSpans(file(own))).not.toBeNull(); // the fast path, not the fallback
    same(own);
    const read = readW3cFile(file(own), 'f.json');
    expect(read.ok ? read.value.items.length : 0).toBeGreaterThan(5);
    for (const name of ['hypothesis.jsonld', 'other-tool.jsonld', 'recogito.jsonld', 'hypothesis-api.json']) {
      same(readFileSync(new URL(`../../fixtures/foreign/${name}`, import.meta.url)) as Buffer);
    }
  });

  it('gives the same result for every shape a file may take', () => {
    const shapes = [
      `[${two}]`, ` \n[ ]`, `[${two}, 3, "x", null, [1]]`,
      `{"type":"AnnotationPage","items":[${two}]}`,
      `{"items":[${two}],"type":"AnnotationPage"}`,
      `{"type":"AnnotationPage","items":[${annotation(1)}],"items":[${annotation(2)}]}`,
      `{"type":"AnnotationPage","items":${annotation(1)}}`,
      `{"type":"AnnotationPage"}`,
      `{"type":"AnnotationCollection","first":{"type":"AnnotationPage","items":[${two}],"next":"p2"},"label":"é"}`,
      `{"first":{"items":[${annotation(1)}]},"type":"AnnotationCollection","items":[${annotation(3)}]}`,
      `{"type":"AnnotationCollection","first":[{"items":[${two}]},{"items":[${annotation(3)}]}]}`,
      `{"type":"AnnotationCollection","first":"urn:x:page1"}`,
      `{"type":"AnnotationCollection","first":{"items":[${annotation(1)}]},"first":{"label":"none"}}`,
      `{"type":"AnnotationCollection"}`,
      `{"type":["AnnotationCollection"],"first":{"items":[${annotation(1)}]}}`,
      `{"total":2,"rows":[{"id":"r1","uri":"a1.txt","target":[{"selector":[{"type":"TextQuoteSelector","exact":"x"}]}]},{"id":"r2","references":["r1"]}]}`,
      `{"rows":{"id":"r1"},"type":"AnnotationPage","items":[${annotation(1)}]}`,
      annotation(1), `{}`, `[]`, `"text"`, `42`,
      // not JSON: the same error, naming the same line
      `[${two},]`, `[${two}`, `{"type":"AnnotationPage","label":tru,"items":[${two}]}`,
      `{"type":"AnnotationPage","items":[${annotation(1)}\n{"x":1}]}`, `[${two}] x`, `\uFEFF[${two}]`,
      `{"type":"AnnotationPage" "items":[]}`, `{"type":"AnnotationPage","items":[${two}]`, `{"a":"unterminated\\"}`,
      `{"type":"AnnotationCollection","first":{"items":[{"bad":01}]},"items":[{"also":"fine"}]}`,
      `{"type":"AnnotationPage","first":{"items":[{"bad":01}]},"items":[]}`,
      `{"type":"AnnotationPage","items":[{"bad":"\\x"}]}`, `{"type":"AnnotationPage","items":[{"ctl":"a\u0001b"}]}`,
    ];
    for (const text of shapes) expect({ text, read: readW3cFile(file(Buffer.from(text, 'utf8')), 'f.json') }).toEqual({ text, read: wholeRead(Buffer.from(text, 'utf8')) });
  });

  it('decodes invalid UTF-8 as the whole file would be decoded', () => {
    const head = Buffer.from(`{"type":"AnnotationPage","items":[${annotation(1)},{"type":"Annotation","id":"`, 'utf8');
    const tail = Buffer.from(`","target":{"selector":[{"type":"TextQuoteSelector","exact":"x"}]}}]}`, 'utf8');
    for (const bad of [[0xff], [0xc3], [0xe2, 0x82], [0xf0, 0x9f, 0xa4], [0xed, 0xa0, 0x80]]) same(Buffer.concat([head, Buffer.from(bad), tail]));
  });

  it('agrees with the whole-text reader on thousands of random corruptions of a file', () => {
    const base = Buffer.from(`{"type":"AnnotationCollection","first":{"items":[${two},${annotation(3)}]},"label":"x"}`, 'utf8');
    const bytes = [...'{}[],:"\\ 0a\n'].map((c) => c.charCodeAt(0)).concat([0xc3, 0xff]);
    let seed = 7;
    const random = (n: number): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % n);
    for (let k = 0; k < 3000; k++) {
      const copy = Buffer.from(base);
      for (let edits = 1 + random(2); edits > 0; edits--) copy[random(copy.length)] = bytes[random(bytes.length)]!;
      same(copy);
    }
  });
});
