/**
 * Reads Hypothesis API search results (`GET /api/search` gives `{"total": n, "rows": [...]}`)
 * into foreign items: `uri` (or the target's `source`) is the source, `tags` the kind labels,
 * `text` the note, `user` (`acct:name@hypothes.is`) with `user_info.display_name` the creator,
 * `created`/`updated` the dates (microseconds and offsets). Page notes and replies have no
 * quote to anchor and come back as bad items with that reason.
 */
import { asArray as list, emptyBatch, obj, str, type ForeignBatch } from './foreign-item';

export function readHypothesisRows(rows: unknown[], file: string): ForeignBatch {
  const batch = emptyBatch();
  for (const [i, raw] of rows.entries()) readHypothesisRow(raw, i, file, batch);
  return batch;
}

/** Row `i` (from 0) of an API result, into `batch`: an item, or a bad item with its reason. */
export function readHypothesisRow(raw: unknown, i: number, file: string, batch: ForeignBatch): void {
  const row = obj(raw);
  const where = `${file} row ${i + 1}${str(row.id) ? ` (${row.id as string})` : ''}`;
  const target = obj(list(row.target)[0]);
  const selectors = list(target.selector).map(obj);
  const quote = selectors.find((s) => s.type === 'TextQuoteSelector');
  const pos = selectors.find((s) => s.type === 'TextPositionSelector');
  if (list(row.references).length > 0) {
    batch.bad.push({ where, reason: 'a reply to another annotation: no text of its own to anchor' });
    return;
  }
  if (!quote || typeof quote.exact !== 'string' || quote.exact === '') {
    batch.bad.push({ where, reason: 'a page note: no TextQuoteSelector to anchor it to' });
    return;
  }
  const user = str(row.user);
  const display = str(obj(row.user_info).display_name);
  batch.items.push({
    where,
    iri: str(row.id) ? `https://hypothes.is/a/${row.id as string}` : `${file}#row${i + 1}`,
    source: str(target.source) ?? str(row.uri),
    exact: quote.exact,
    prefix: str(quote.prefix) ?? '',
    suffix: str(quote.suffix) ?? '',
    start: typeof pos?.start === 'number' ? pos.start : undefined,
    end: typeof pos?.end === 'number' ? pos.end : undefined,
    kinds: list(row.tags).filter((t): t is string => typeof t === 'string'),
    note: str(row.text) ?? '',
    creator: user ? (display ? { id: user, name: display } : user) : undefined,
    created: str(row.created),
    modified: str(row.updated),
  });
}
