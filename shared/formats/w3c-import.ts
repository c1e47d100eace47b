/**
 * W3C Web Annotation import: reads a single Annotation, an array, an AnnotationPage or an
 * AnnotationCollection with embedded pages, and turns Glose's mapping (w3c-export.ts) back into
 * records grouped by article and layer. Foreign annotations are accepted too: an article is
 * found from the target's source IRI (ours, or an article's `source`), a missing layer becomes
 * the creator, a foreign id becomes a hash of its IRI. Targets are not anchored here (reanchor.ts).
 */
import { sha256Hex } from '../model/corpus';
import { annotationSchema, type Annotation } from '../model/record';
import { irisFor } from './iri';
import { fail, ok, type Result } from './types';
import { KIND_PURPOSE, LINK_MOTIVATION, NOTE_PURPOSE, REL_PURPOSE } from './w3c-vocabulary';

export interface ImportedRecord {
  article: string;
  layer: string;
  record: Annotation;
}

export interface W3cImportOptions {
  corpus: string;
  base?: string;
  /** Article id for a target source IRI that is not one of ours (e.g. matched on Article.source). */
  articleForSource?: (iri: string) => string | null;
  now: () => Date;
}

type Json = Record<string, unknown>;
const asArray = (v: unknown): unknown[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

function itemsOf(doc: unknown): unknown[] {
  if (Array.isArray(doc)) return doc;
  const d = doc as Json;
  if (d?.type === 'AnnotationCollection') return asArray(d.first).flatMap((page) => asArray((page as Json).items));
  if (d?.type === 'AnnotationPage') return asArray(d.items);
  return [doc];
}

function textBody(bodies: unknown[], purpose: string): string | undefined {
  const b = bodies.find((x) => (x as Json)?.type === 'TextualBody' && (x as Json).purpose === purpose) as Json | undefined;
  return str(b?.value);
}

export function importW3c(doc: unknown, options: W3cImportOptions): Result<ImportedRecord[]> {
  const iris = irisFor(options.corpus, options.base);
  const idOf = (iri: string): { article: string | null; id: string } => {
    const ours = iris.parseAnnotation(iri);
    return ours ?? { article: null, id: sha256Hex(iri).slice(0, 32) };
  };
  const out: ImportedRecord[] = [];
  const byIri = new Map<string, ImportedRecord>();
  const links: { item: number; from: string; to: string; rel: string }[] = [];
  const items = itemsOf(doc);
  for (const [i, raw] of items.entries()) {
    const item = raw as Json;
    const where = `item ${i + 1}${str(item?.id) ? ` (${item.id})` : ''}`;
    if (item?.type !== 'Annotation' || typeof item.id !== 'string') return fail(`${where}: not an Annotation with an id`);
    const bodies = asArray(item.body);
    if (asArray(item.motivation).includes(LINK_MOTIVATION)) {
      const to = bodies.find((b) => typeof b === 'string') ?? str((bodies.find((b) => (b as Json)?.id) as Json | undefined)?.id);
      const rel = textBody(bodies, REL_PURPOSE);
      if (typeof to !== 'string' || !rel || typeof item.target !== 'string') return fail(`${where}: a linking annotation needs a target annotation, a linked annotation and a relation`);
      links.push({ item: i, from: item.target, to, rel });
      continue;
    }
    const target = asArray(item.target)[0] as Json | undefined;
    const selectors = asArray(target?.selector) as Json[];
    const pos = selectors.find((s) => s.type === 'TextPositionSelector');
    const quote = selectors.find((s) => s.type === 'TextQuoteSelector');
    const source = str(target?.source);
    const { article: fromId, id } = idOf(item.id);
    const article = (source && (iris.parseArticle(source) ?? options.articleForSource?.(source))) ?? fromId;
    if (!article) return fail(`${where}: its target source ${source ?? '(none)'} is not an article of this corpus`);
    if (!quote) return fail(`${where}: a TextQuoteSelector is required to anchor the annotation`);
    const exact = str(quote.exact) ?? '';
    const creator = (asArray(item.creator)[0] ?? {}) as Json;
    const authorId = (str(creator.id) && iris.parseAgent(creator.id as string)) ?? str(creator.id) ?? 'unknown';
    const created = str(item.created) ?? options.now().toISOString();
    const record = annotationSchema.safeParse({
      id,
      kind: textBody(bodies, KIND_PURPOSE) ?? textBody(bodies, 'tagging') ?? 'claim',
      target: { start: pos?.start ?? 0, end: pos?.end ?? [...exact].length, exact, prefix: str(quote.prefix) ?? '', suffix: str(quote.suffix) ?? '' },
      note: textBody(bodies, NOTE_PURPOSE) ?? '',
      author: { id: authorId.slice(0, 64), name: str(creator.name) ?? authorId, color: str(creator['glose:color']) ?? '#777777' },
      created,
      modified: str(item.modified) ?? created,
      links: [],
      status: str(item['glose:status']) ?? 'open',
    });
    if (!record.success) return fail(`${where}: ${record.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; ')}`);
    const entry = { article, layer: str(item['glose:layer']) ?? record.data.author.id, record: record.data };
    out.push(entry);
    byIri.set(item.id, entry);
  }
  for (const link of links) {
    const from = byIri.get(link.from);
    const to = byIri.get(link.to) ?? (iris.parseAnnotation(link.to) ? { article: iris.parseAnnotation(link.to)!.article, record: { id: iris.parseAnnotation(link.to)!.id } } : null);
    if (!from || !to) return fail(`item ${link.item + 1}: links annotations that are not in this import`);
    from.record.links.push({ to: to.record.id, rel: link.rel, ...(to.article !== from.article ? { article: to.article } : {}) });
  }
  return ok(out);
}
