/**
 * Reads W3C Web Annotations as any tool writes them into foreign items (foreign-item.ts): a
 * single Annotation, an array, an AnnotationPage or an AnnotationCollection with embedded
 * pages; Glose's own export (w3c-export.ts), Hypothesis's JSON-LD (creator `acct:…`, comment
 * bodies without a purpose, tags as `tagging` bodies), Recogito's and RecogitoJS's (no target
 * source, relative ids, the creator on the bodies). Hypothesis API JSON (`{"rows": …}`) goes to
 * hypothesis-read.ts. An item that is not an annotation on a text is a bad item with its reason.
 */
import { asArray, emptyBatch, obj, str, type ForeignBatch, type Json } from './foreign-item';
import { readHypothesisRows } from './hypothesis-read';
import { KIND_PURPOSE, LINK_MOTIVATION, NOTE_PURPOSE, REL_PURPOSE } from './w3c-vocabulary';


function itemsOf(doc: unknown): unknown[] {
  if (Array.isArray(doc)) return doc;
  const d = obj(doc);
  if (d.type === 'AnnotationCollection') return asArray(d.first).flatMap((page) => asArray(obj(page).items));
  if (d.type === 'AnnotationPage') return asArray(d.items);
  return [doc];
}

export const isAnnotation = (item: Json): boolean => asArray(item.type).some((t) => t === 'Annotation' || t === 'oa:Annotation');
const textBodies = (bodies: unknown[]): Json[] => bodies.map(obj).filter((b) => typeof b.value === 'string' && (b.type === undefined || b.type === 'TextualBody'));
const number = (v: unknown): number | undefined => (typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : undefined);

export function readW3c(doc: unknown, file: string): ForeignBatch {
  if (Array.isArray(obj(doc).rows)) return readHypothesisRows(obj(doc).rows as unknown[], file);
  const batch = emptyBatch();
  for (const [i, raw] of itemsOf(doc).entries()) readW3cItem(raw, i, file, batch);
  return batch;
}

/** Item `i` (from 0) of a W3C file, into `batch`: an item, a link, or a bad item with its reason; `at` says where it is (`file item 3`, `file:3`). */
export function readW3cItem(raw: unknown, i: number, file: string, batch: ForeignBatch, at = `${file} item ${i + 1}`): void {
  const item = obj(raw);
  const where = `${at}${str(item.id) ? ` (${item.id as string})` : ''}`;
  if (!isAnnotation(item)) {
    batch.bad.push({ where, reason: 'not a W3C Annotation (no "type": "Annotation")' });
    return;
  }
  const iri = str(item.id) ?? `${file}#${i + 1}`;
  const bodies = asArray(item.body);
  const texts = textBodies(bodies);
  if (asArray(item.motivation).includes(LINK_MOTIVATION)) {
    const to = bodies.find((b) => typeof b === 'string') ?? str(bodies.map(obj).find((b) => typeof b.id === 'string')?.id);
    const rel = texts.find((b) => b.purpose === REL_PURPOSE)?.value;
    const from = str(item.target) ?? str(obj(item.target).id);
    if (typeof to !== 'string' || typeof rel !== 'string' || !from) batch.bad.push({ where, reason: 'a linking annotation needs a target annotation, a linked annotation and a relation' });
    else batch.links.push({ where, from, to, rel });
    return;
  }
  const target = obj(asArray(item.target).find((t) => obj(t).selector !== undefined) ?? asArray(item.target)[0]);
  const selectors = asArray(target.selector).map(obj);
  const quote = selectors.find((s) => s.type === 'TextQuoteSelector');
  const pos = selectors.find((s) => s.type === 'TextPositionSelector');
  if (!quote || typeof quote.exact !== 'string' || quote.exact === '') {
    batch.bad.push({ where, reason: 'no TextQuoteSelector: nothing in the text to anchor it to (a page note, a reply, or a target without a quote)' });
    return;
  }
  const kinds = texts.filter((b) => b.purpose === KIND_PURPOSE || b.purpose === 'tagging').map((b) => b.value as string);
  const notes = texts.filter((b) => b.purpose === NOTE_PURPOSE || b.purpose === 'describing' || b.purpose === undefined).map((b) => b.value as string);
  batch.items.push({
    where,
    iri,
    source: str(target.source) ?? str(item.target),
    exact: quote.exact,
    prefix: str(quote.prefix) ?? '',
    suffix: str(quote.suffix) ?? '',
    start: number(pos?.start),
    end: number(pos?.end),
    kinds,
    note: notes.join('\n\n'),
    creator: item.creator ?? bodies.map(obj).find((b) => b.creator !== undefined)?.creator,
    created: str(item.created) ?? str(texts.find((b) => typeof b.created === 'string')?.created),
    modified: str(item.modified),
    layer: str(item['glose:layer']),
    status: str(item['glose:status']),
  });
}
