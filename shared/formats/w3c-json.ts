/**
 * The W3C export's hot loop: a record's annotations (w3c-export.ts `w3cAnnotations`: itself,
 * then one `linking` annotation per link) written straight as JSON text, one line each, without
 * building the objects and serialising them again. What every record shares is serialised once:
 * the @context, the creator (by author; an export has few), the article's IRI and the start of
 * its annotations' IRIs. The strings a record brings (kind, note, quote, dates) still go through
 * JSON.stringify, so escaping is JSON's own. A test holds the output equal, byte for byte, to
 * `JSON.stringify` of each of `w3cAnnotations`.
 */
import type { Annotation } from '../model/record';
import type { Iris } from './iri';
import { CONTEXT, KIND_MOTIVATION, KIND_PURPOSE, LINK_MOTIVATION, NOTE_PURPOSE, REL_PURPOSE } from './w3c-vocabulary';

const q = JSON.stringify;
const CONTEXT_JSON = q(CONTEXT);
const textual = (purpose: string, value: string): string => `{"type":"TextualBody","purpose":${q(purpose)},"value":${q(value)},"format":"text/plain"}`;
const KIND_BODY = textual(KIND_PURPOSE, '').split('""');
const NOTE_BODY = textual(NOTE_PURPOSE, '').split('""');
const REL_BODY = textual(REL_PURPOSE, '').split('""');

/** Writes the lines of one record: `(article, owner, record)` → its annotations as JSON, in order. */
export type RecordLines = (article: string, owner: string, record: Annotation) => string[];

export function w3cRecordLines(iris: Iris): RecordLines {
  const creators = new Map<string, string>();
  let article: string | undefined;
  let source = '';
  let annotationStart = '';
  const creatorOf = (record: Annotation): string => {
    const a = record.author;
    const key = `${a.id}\n${a.name}\n${a.color}`;
    let json = creators.get(key);
    if (json === undefined) creators.set(key, (json = q({ id: iris.agent(a.id), type: 'Person', name: a.name, 'glose:color': a.color })));
    return json;
  };
  return (articleId, owner, record) => {
    if (articleId !== article) {
      article = articleId;
      source = q(iris.article(articleId));
      annotationStart = q(iris.annotation(articleId, '')).slice(0, -1); // `"…/annotations/`: the record's id (URI-encoded, so nothing to escape) follows
    }
    const t = record.target;
    const self = `${annotationStart}${encodeURIComponent(record.id)}"`;
    const common = `{"@context":${CONTEXT_JSON},"type":"Annotation","created":${q(record.created)},"modified":${q(record.modified)},"creator":${creatorOf(record)},`;
    const layer = q(owner);
    let body = `${KIND_BODY[0]}${q(record.kind)}${KIND_BODY[1]}`;
    if (record.note !== '') body += `,${NOTE_BODY[0]}${q(record.note)}${NOTE_BODY[1]}`;
    const lines = [
      `${common}"id":${self},"motivation":"${KIND_MOTIVATION}","body":[${body}],"target":{"source":${source},"selector":[` +
        `{"type":"TextPositionSelector","start":${t.start},"end":${t.end}},{"type":"TextQuoteSelector","exact":${q(t.exact)},"prefix":${q(t.prefix)},"suffix":${q(t.suffix)}}]},` +
        `"glose:layer":${layer},"glose:status":${q(record.status)}}`,
    ];
    for (const link of record.links) {
      lines.push(
        `${common}"id":${q(iris.link(articleId, record.id, link.rel, link.to))},"motivation":"${LINK_MOTIVATION}",` +
          `"body":[${q(iris.annotation(link.article ?? articleId, link.to))},${REL_BODY[0]}${q(link.rel)}${REL_BODY[1]}],"target":${self},"glose:layer":${layer}}`,
      );
    }
    return lines;
  };
}
