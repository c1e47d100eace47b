/**
 * Checks a JSON-LD node tree against the schema.org definitions committed in
 * tests/fixtures/schemaorg-claimreview-30.0.json (taken from schema.org's own release data, named
 * in the file): every node's `@type` is a known type, every property is documented with a
 * domain that includes the node's type or one of its supertypes, and every value fits the
 * property's range (a node of a type in the range or below it; a string for Text, a URL that
 * parses for URL, an ISO date for Date/DateTime; a number for Number). Returns the problems.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

interface Vocabulary {
  version: string;
  types: Record<string, string[]>;
  properties: Record<string, { domain: string[]; range: string[] }>;
}

export const SCHEMA_ORG: Vocabulary = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../fixtures/schemaorg-claimreview-30.0.json'), 'utf8'));

function ancestors(type: string): string[] {
  return [type, ...(SCHEMA_ORG.types[type] ?? []).flatMap(ancestors)];
}

const DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/;

function fitsString(value: string, range: string[]): boolean {
  if (range.includes('Text')) return true;
  if (range.includes('URL') && URL.canParse(value)) return true;
  return (range.includes('Date') || range.includes('DateTime')) && DATE.test(value) && !Number.isNaN(Date.parse(value));
}

function fits(value: unknown, range: string[]): boolean {
  if (typeof value === 'string') return fitsString(value, range);
  if (typeof value === 'number') return range.includes('Number') && Number.isFinite(value);
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const type = (value as { '@type'?: unknown })['@type'];
    return typeof type === 'string' && ancestors(type).some((t) => range.includes(t));
  }
  return false;
}

export function schemaProblems(node: unknown, at = '$'): string[] {
  if (Array.isArray(node)) return node.flatMap((n, i) => schemaProblems(n, `${at}[${i}]`));
  if (!node || typeof node !== 'object') return [];
  const type = (node as { '@type'?: unknown })['@type'];
  const entries = Object.entries(node).filter(([key]) => !key.startsWith('@'));
  if (type === undefined) return entries.flatMap(([key, value]) => schemaProblems(value, `${at}.${key}`));
  if (typeof type !== 'string' || !SCHEMA_ORG.types[type]) return [`${at}: type ${String(type)} is not in the vocabulary`];
  const problems: string[] = [];
  for (const [key, value] of entries) {
    const property = SCHEMA_ORG.properties[key];
    if (!property) problems.push(`${at}.${key}: not a schema.org property`);
    else if (!ancestors(type).some((t) => property.domain.includes(t))) problems.push(`${at}.${key}: not a property of ${type}`);
    else {
      for (const item of Array.isArray(value) ? value : [value]) if (!fits(item, property.range)) problems.push(`${at}.${key}: ${JSON.stringify(item)} is not a ${property.range.join(' or ')}`);
    }
    problems.push(...schemaProblems(value, `${at}.${key}`));
  }
  return problems;
}
