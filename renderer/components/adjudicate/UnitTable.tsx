/**
 * One passage of the adjudication, aligned: a table whose columns are the passage's text cut at
 * every span boundary, with one row per annotator (more when their own spans overlap) and a gold
 * row. Each span is a button spanning the columns it covers; it says its kind and the decision
 * in words (colour and border style only repeat them), so the rows read the same to a screen
 * reader as to the eye. Above it, the passage in its sentence, so boundaries can be judged.
 * Keys are handled by the view; a click focuses a span.
 */
import { useTranslation } from 'react-i18next';
import type { Span, Unit } from '../../../shared/curation/units';
import { lanes, pack, segments } from '../../../shared/curation/units';
import type { Annotation } from '../../../shared/model/record';
import type { Tagset } from '../../../shared/model/tagset';
import type { CodePointIndex } from '../../../shared/text/code-points';

interface Props {
  unit: Unit;
  owners: { id: string; name: string }[];
  index: CodePointIndex;
  tagset: Tagset;
  caption: string;
  onFocusSpan: (key: string) => void;
}

/** Code points of text shown on each side of a passage, cut back to a word. */
const CONTEXT = 80;

type Cell = { from: number; to: number; span?: Span; gold?: Annotation };

/** The row's cells over `cols` columns: spans where they are, empty cells between. */
function cells(cols: { start: number; end: number }[], items: { start: number; end: number; span?: Span; gold?: Annotation }[]): Cell[] {
  const out: Cell[] = [];
  let col = 0;
  for (const item of [...items].sort((a, b) => a.start - b.start)) {
    const from = cols.findIndex((c) => c.end > item.start);
    let to = from;
    while (to < cols.length && cols[to]!.start < item.end) to++;
    if (from < col || from < 0) continue;
    if (from > col) out.push({ from: col, to: from });
    out.push({ from, to, span: item.span, gold: item.gold });
    col = to;
  }
  if (col < cols.length) out.push({ from: col, to: cols.length });
  return out;
}

export function UnitTable({ unit, owners, index, tagset, caption, onFocusSpan }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'fr' ? 'fr' : 'en';
  const cols = segments(unit);
  const kindOf = (key: string) => tagset.kinds.find((k) => k.key === key);
  const kindName = (key: string) => kindOf(key)?.name[lang] ?? key;
  const slice = (start: number, end: number) => index.text.slice(index.toUtf16(start), index.toUtf16(end));
  const style = (key: string) => {
    const kind = kindOf(key);
    return kind ? { borderBottomColor: kind.color, borderBottomStyle: kind.underline === 'wavy' ? 'dashed' : kind.underline } : undefined;
  };
  /** The decision in words; a span accepted under another kind says which. */
  const verdict = (span: Span) => {
    const goldKind = unit.gold.find((g) => g.id === span.decision?.gold)?.kind;
    if (goldKind && goldKind !== span.annotation.kind) return t('adjudicate.verdict.acceptedAs', { kind: kindName(goldKind) });
    return t(`adjudicate.verdict.${span.decision?.verdict ?? 'none'}`);
  };
  const nameOf = (id: string) => owners.find((o) => o.id === id)?.name ?? id;
  const rows = lanes(unit, owners.map((o) => o.id).filter((id) => unit.spans.some((s) => s.owner === id)));

  const before = slice(Math.max(0, unit.start - CONTEXT), unit.start).replace(/^\S*\s/, '');
  const after = slice(unit.end, Math.min(index.length, unit.end + CONTEXT)).replace(/\s\S*$/, '');

  return (
    <>
      <h2 className="align-title" id={`unit-${unit.id}`}>
        {caption}
      </h2>
      <p className="align-context">
        …{before}
        <mark>{slice(unit.start, unit.end)}</mark>
        {after}…
      </p>
      <table className="align-table" aria-labelledby={`unit-${unit.id}`}>
        <thead>
          <tr>
            <th scope="col">{t('adjudicate.annotator')}</th>
            {cols.map((c) => (
              <th scope="col" key={c.start} className="align-text">
                {slice(c.start, c.end)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, r) => (
            <tr key={`${row.owner}-${r}`}>
              <th scope="row">{nameOf(row.owner)}</th>
              {cells(cols, row.spans.map((s) => ({ ...s.annotation.target, span: s }))).map((cell) => (
                <td key={cell.from} colSpan={cell.to - cell.from}>
                  {cell.span && (
                    <button
                    type="button"
                    className={`align-span verdict-${cell.span.decision?.verdict ?? 'none'}`}
                    data-span={cell.span.key}
                    style={style(cell.span.annotation.kind)}
                    onFocus={() => onFocusSpan(cell.span!.key)}
                    aria-label={t('adjudicate.span', { owner: nameOf(row.owner), kind: kindName(cell.span.annotation.kind), verdict: verdict(cell.span), quote: cell.span.annotation.target.exact })}
                  >
                    <span className="align-kind">{kindName(cell.span.annotation.kind)}</span>{' '}
                    <span className="align-verdict">{verdict(cell.span)}</span>
                  </button>
                  )}
                </td>
              ))}
            </tr>
          ))}
          {(unit.gold.length > 0 ? pack(unit.gold, (g) => g.target) : [[]]).map((row, r) => (
            <tr className="align-gold" key={`gold-${r}`}>
              <th scope="row">{t('adjudicate.gold')}</th>
              {cells(cols, row.map((g) => ({ ...g.target, gold: g }))).map((cell) => (
                <td key={cell.from} colSpan={cell.to - cell.from}>
                  {cell.gold && (
                    <span className="align-span gold-span" style={style(cell.gold.kind)}>
                      {kindName(cell.gold.kind)}
                    </span>
                  )}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
