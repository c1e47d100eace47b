/**
 * The W3C Web Annotation test suite's MUST assertions as validators. The suite's JSON Schema
 * (draft-04) files are the copy in tests/fixtures/w3c-web-annotation-tests (its README says
 * where they come from and under which licence), so the conformance tests run in every clone;
 * a copy that is incomplete throws, so it fails loudly rather than passing empty.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv-draft-04';
import { repoRoot } from './fixtures';

export const SUITE = path.resolve(repoRoot, 'tests/fixtures/w3c-web-annotation-tests');

/** RFC 3339 date-time and RFC 3986 URI (scheme ":" rest), the two formats the suite uses. */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i;
const URI = /^[a-z][a-z0-9+.-]*:[^\s"<>\\^`{|}]*$/i;

export interface Assertion {
  file: string;
  validate: (data: unknown) => boolean;
  message: string;
}

export interface MustSuite {
  annotation: Assertion[];
  collection: Assertion[];
}

function readJson(file: string): Record<string, unknown> {
  return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
}

export function loadMusts(): MustSuite {
  const ajv = new Ajv({ strict: false, allErrors: false });
  ajv.addFormat('date-time', DATE_TIME).addFormat('uri', URI);
  const defs = path.join(SUITE, 'definitions');
  for (const f of readdirSync(defs).filter((n) => n.endsWith('.json'))) ajv.addSchema(readJson(path.join(defs, f)));
  const load = (testFile: string): Assertion[] => {
    const list = readJson(path.join(SUITE, testFile)).assertions as string[];
    if (list.length === 0) throw new Error(`${testFile} lists no assertions`);
    return list.map((file) => {
      const schema = readJson(path.join(SUITE, file));
      if (schema.expectedResult !== 'valid') throw new Error(`${file}: unexpected expectedResult ${String(schema.expectedResult)}`);
      const { id: _id, ...rest } = schema;
      return { file, validate: ajv.compile(rest), message: String(schema.errorMessage) };
    });
  };
  return { annotation: load('annotations/annotationMusts.test'), collection: load('collections/collectionMusts.test') };
}

/** The assertions `data` fails, by file name. */
export function failures(assertions: Assertion[], data: unknown): string[] {
  return assertions.filter((a) => !a.validate(data)).map((a) => a.file);
}
