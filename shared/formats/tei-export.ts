/**
 * TEI P5 export with standoff annotation (for CATMA, Recogito and TEI workflows): one
 * `<teiCorpus>` whose header declares the tagset as a taxonomy, then one `<TEI>` per article
 * whose body holds the canonical text, one `<p xml:id>` per paragraph (a non-empty line), and
 * whose `<standOff>` lists the annotators (`<listPerson>`), the annotations (`<listAnnotation>`:
 * `target="#string-range(p, offset, length)"` in characters, one pointer per paragraph a span
 * covers; `ana` the kind, `resp` the annotator, `n` the record id, the note inside) and the
 * links (`<listRelation>`: `active` the source annotation, `passive` the linked one). Kinds the
 * records use outside the tagset are declared in the article's own header. Characters XML 1.0
 * cannot hold become U+FFFD, one for one, so every offset still holds.
 */
import { paragraphs } from '../text/canonical-text';
import { codePointIndex } from '../text/code-points';
import type { ExportOptions, ExportWriter } from './types';
import { sortedArticle } from './types';

// eslint-disable-next-line no-control-regex -- these are exactly the characters XML 1.0 cannot hold
const INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const xml = (s: string): string => s.replace(INVALID, '\uFFFD').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const kindId = (kind: string): string => `kind-${kind.replace(/[^A-Za-z0-9_.-]/g, '_')}`;
const category = (xmlId: string, name: string): string => `<category xml:id="${xmlId}"><catDesc>${xml(name)}</catDesc></category>`;
const header = (title: string, source: string, extra = ''): string =>
  `<teiHeader><fileDesc><titleStmt><title>${xml(title)}</title></titleStmt><publicationStmt><p>Exported by Glose</p></publicationStmt>` +
  `<sourceDesc><p>${xml(source)}</p></sourceDesc></fileDesc>${extra}</teiHeader>`;

export function teiWriter(options: ExportOptions): ExportWriter {
  const { corpus } = options;
  const known = new Set(corpus.tagset.kinds.map((k) => k.key));
  return {
    begin: () => [{
      file: '',
      text: `<?xml version="1.0" encoding="UTF-8"?>\n<teiCorpus xmlns="http://www.tei-c.org/ns/1.0">\n` +
        `${header(corpus.title, `Glose corpus ${corpus.id}`, `<encodingDesc><classDecl><taxonomy xml:id="glose-kinds">${corpus.tagset.kinds.map((k) => category(kindId(k.key), k.name.en)).join('')}</taxonomy></classDecl></encodingDesc>`)}\n`,
    }],
    article(entry) {
      const id = `a-${entry.article.id}`;
      const index = codePointIndex(entry.text);
      const paras = paragraphs(entry.text).map((p, i) => ({ id: `${id}-p${i + 1}`, start: index.toCodePoint(p.start), end: index.toCodePoint(p.end), text: entry.text.slice(p.start, p.end) }));
      const sorted = sortedArticle(entry);
      const notes = new Map<string, string>();
      const extra = new Set<string>();
      const people: string[] = [];
      const annotations: string[] = [];
      const relations: string[] = [];
      for (const layer of sorted.layers) {
        const who = `${id}-by-${layer.owner}`;
        people.push(`<person xml:id="${who}"><persName>${xml(layer.annotations[0]?.author.name ?? layer.owner)}</persName></person>`);
        for (const a of layer.annotations) {
          const n = `${id}-n${notes.size + 1}`;
          notes.set(`${layer.owner}\u0000${a.id}`, n);
          if (!known.has(a.kind)) extra.add(a.kind);
          const target = paras.filter((p) => p.start < a.target.end && a.target.start < p.end)
            .map((p) => { const s = Math.max(p.start, a.target.start); return `#string-range(${p.id},${s - p.start},${Math.min(p.end, a.target.end) - s})`; });
          annotations.push(`<annotation xml:id="${n}" n="${xml(a.id)}" target="${target.join(' ')}" ana="#${known.has(a.kind) ? '' : `${id}-`}${kindId(a.kind)}" resp="#${who}" status="${a.status}">` +
            `${a.note ? `<note>${xml(a.note)}</note>` : ''}</annotation>`);
        }
      }
      for (const layer of sorted.layers) {
        for (const a of layer.annotations) {
          for (const l of a.links) {
            const to = l.article ? undefined : notes.get(`${layer.owner}\u0000${l.to}`);
            if (to) relations.push(`<relation name="${xml(l.rel)}" active="#${notes.get(`${layer.owner}\u0000${a.id}`)}" passive="#${to}"/>`);
          }
        }
      }
      const kinds = extra.size ? `<encodingDesc><classDecl><taxonomy>${[...extra].map((k) => category(`${id}-${kindId(k)}`, k)).join('')}</taxonomy></classDecl></encodingDesc>` : '';
      const lang = `<profileDesc><langUsage><language ident="${xml(entry.article.language)}"/></langUsage></profileDesc>`;
      const text =
        ` <TEI xml:id="${id}">\n  ${header(entry.article.title, entry.article.source, `${kinds}${lang}`)}\n` +
        `  <text><body>\n${paras.map((p) => `   <p xml:id="${p.id}">${xml(p.text)}</p>\n`).join('')}  </body></text>\n` +
        (people.length === 0 ? '' : `  <standOff>\n   <listPerson>${people.join('')}</listPerson>\n   <listAnnotation>\n${annotations.map((a) => `    ${a}\n`).join('')}   </listAnnotation>\n` +
          `${relations.length ? `   <listRelation>${relations.join('')}</listRelation>\n` : ''}  </standOff>\n`) + ' </TEI>\n';
      return [{ file: '', text }];
    },
    end: () => [{ file: '', text: '</teiCorpus>\n' }],
  };
}
