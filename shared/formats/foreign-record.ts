/**
 * A foreign item (foreign-item.ts) made into a Glose record once its article is known: the
 * kind from the tagset (a key or a name in any case, or through the `--kind-map`; no label at
 * all gives the tagset's first kind, an unknown one is a bad item that names the map to use),
 * the creator as a layer (creator-layer.ts), dates from any xsd:dateTime, the id from our IRI
 * or a hash of the foreign one. Links are matched by the items' identifiers.
 */
import { sha256Hex } from '../model/sha256';
import { isId } from '../protocol/fields';
import { annotationSchema } from '../model/record';
import { fastAnnotation } from '../model/record-fast-check';
import type { Tagset } from '../model/tagset';
import { fail, ok, type Result } from '../result';
import type { CreatorRegistry } from './creator-layer';
import type { ForeignItem, ForeignLink } from './foreign-item';
import type { Iris } from './iri';
import type { ImportedRecord } from './foreign-resolve';
import { codePointLength } from '../text/code-points';
import { isoFromXsd } from './xsd-datetime';

export interface RecordContext {
  tagset: Tagset;
  /** Foreign label (lower case) → tagset key, for kinds and relations. */
  kindMap: ReadonlyMap<string, string>;
  iris: Iris;
  creators: CreatorRegistry;
  now: () => Date;
}

/** A tagset key for `label` among `keys` (with the names that mean them), or null. */
function keyFor(label: string, entries: { key: string; name: { en: string; fr: string } }[], map: ReadonlyMap<string, string>): string | null {
  const l = label.trim().toLowerCase();
  const mapped = map.get(l);
  if (mapped) return mapped;
  return entries.find((e) => e.key === l || e.name.en.toLowerCase() === l || e.name.fr.toLowerCase() === l)?.key ?? null;
}

function kindOf(item: ForeignItem, ctx: RecordContext): Result<string> {
  if (item.kinds.length === 0) return ok(ctx.kindMap.get('') ?? ctx.tagset.kinds[0]!.key);
  for (const label of item.kinds) {
    const key = keyFor(label, ctx.tagset.kinds, ctx.kindMap);
    if (key) return ok(key);
  }
  const first = item.kinds[0]!;
  return fail(`unknown kind ${JSON.stringify(first)} (not in the tagset; map it with --kind-map ${JSON.stringify(`${first}=KIND`)})`);
}

export function relationOf(link: ForeignLink, ctx: RecordContext): Result<string> {
  const key = keyFor(link.rel, ctx.tagset.relations, ctx.kindMap);
  return key ? ok(key) : fail(`unknown relation ${JSON.stringify(link.rel)} (not in the tagset; map it with --kind-map ${JSON.stringify(`${link.rel}=RELATION`)})`);
}

function date(value: string | undefined, field: string, fallback: () => string): Result<string> {
  if (value === undefined) return ok(fallback());
  const iso = isoFromXsd(value);
  return iso ? ok(iso) : fail(`${field} ${JSON.stringify(value.slice(0, 40))} is not an xsd:dateTime`);
}

function colorOf(creator: unknown): string {
  const color = creator && typeof creator === 'object' ? (creator as Record<string, unknown>)['glose:color'] : undefined;
  return typeof color === 'string' && /^#[0-9a-fA-F]{6}$/.test(color) ? color : '#777777';
}

export function recordFrom(item: ForeignItem, article: string, ctx: RecordContext): Result<ImportedRecord> {
  const kind = kindOf(item, ctx);
  if (!kind.ok) return kind;
  if (!item.exact) return fail('no quote (TextQuoteSelector) to anchor it by');
  const created = date(item.created, 'created', () => ctx.now().toISOString());
  if (!created.ok) return created;
  const modified = date(item.modified, 'modified', () => created.value);
  if (!modified.ok) return modified;
  const ours = ctx.iris.parseAnnotation(item.iri);
  const creator = ctx.creators.creator(item.creator, 'unknown', (iri) => ctx.iris.parseAgent(iri));
  const layer = item.layer && isId(item.layer) ? item.layer : creator.layer;
  const length = codePointLength(item.exact);
  const start = item.start !== undefined && item.end === item.start + length ? item.start : 0;
  const raw = {
    id: ours && isId(ours.id) ? ours.id : sha256Hex(item.iri).slice(0, 32),
    kind: kind.value,
    target: { start, end: start + length, exact: item.exact, prefix: item.prefix, suffix: item.suffix },
    note: item.note,
    author: { id: creator.layer, name: creator.name || creator.layer, color: colorOf(item.creator) },
    created: created.value,
    modified: modified.value,
    links: [],
    status: item.status === 'resolved' ? 'resolved' : 'open',
  };
  // the common record passes the plain-code check (the same verdict as zod's); anything else is zod's to refuse with its message
  const fast = fastAnnotation(raw);
  if (fast) return ok({ article, layer, record: fast });
  const record = annotationSchema.safeParse(raw);
  if (!record.success) return fail(record.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; '));
  return ok({ article, layer, record: record.data });
}
