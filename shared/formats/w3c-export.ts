/**
 * W3C Web Annotation export: a corpus as one AnnotationCollection whose first (and only) page
 * lists every annotation, article by article, written as a stream. Each record becomes an
 * Annotation (motivation `classifying`, the kind and the note as TextualBodies, a target with a
 * TextPositionSelector in code points and a TextQuoteSelector); each link becomes a separate
 * `linking` Annotation whose target is the source annotation and whose body is the linked
 * annotation plus the relation; its replies and votes (and, when asked for, the private
 * feedback on it) follow as annotations targeting it (w3c-discussion.ts). Every item carries
 * its own @context so it stands alone.
 */
import type { Annotation } from '../model/record';
import { discussionOf } from './discussion-export';
import { irisFor, type Iris } from './iri';
import type { ArticleSnapshot, ExportOptions, ExportWriter } from './types';
import { sortedArticle } from './types';
import {
  CONTEXT, KIND_MOTIVATION, KIND_PURPOSE, LINK_MOTIVATION, NOTE_PURPOSE, REL_PURPOSE,
  type W3cAgent, type W3cAnnotation, type W3cTextualBody,
} from './w3c-vocabulary';
import { discussionAnnotations } from './w3c-discussion';
import { w3cRecordLines } from './w3c-json';

function textual(purpose: string, value: string): W3cTextualBody {
  return { type: 'TextualBody', purpose, value, format: 'text/plain' };
}

function agent(iris: Iris, record: Annotation): W3cAgent {
  return { id: iris.agent(record.author.id), type: 'Person', name: record.author.name, 'glose:color': record.author.color };
}

/** The W3C annotations of one record: itself, then one `linking` annotation per link. */
export function w3cAnnotations(iris: Iris, article: string, owner: string, record: Annotation): W3cAnnotation[] {
  const self = iris.annotation(article, record.id);
  const t = record.target;
  const body = [textual(KIND_PURPOSE, record.kind)];
  if (record.note !== '') body.push(textual(NOTE_PURPOSE, record.note));
  const common = { '@context': CONTEXT, type: 'Annotation' as const, created: record.created, modified: record.modified, creator: agent(iris, record) };
  const main: W3cAnnotation = {
    ...common,
    id: self,
    motivation: KIND_MOTIVATION,
    body,
    target: {
      source: iris.article(article),
      selector: [
        { type: 'TextPositionSelector', start: t.start, end: t.end },
        { type: 'TextQuoteSelector', exact: t.exact, prefix: t.prefix, suffix: t.suffix },
      ],
    },
    'glose:layer': owner,
    'glose:status': record.status,
  };
  const links = record.links.map((link): W3cAnnotation => ({
    ...common,
    id: iris.link(article, record.id, link.rel, link.to),
    motivation: LINK_MOTIVATION,
    body: [iris.annotation(link.article ?? article, link.to), textual(REL_PURPOSE, link.rel)],
    target: self,
    'glose:layer': owner,
  }));
  return [main, ...links];
}

/** Writes an AnnotationCollection; `total` is written last, once the stream has counted it. */
export function w3cWriter(options: ExportOptions): ExportWriter {
  const iris = irisFor(options.corpus.id, options.base);
  const collection = iris.corpus();
  const recordLines = w3cRecordLines(iris);
  let total = 0;
  return {
    begin() {
      const head = JSON.stringify({ '@context': CONTEXT, id: collection, type: 'AnnotationCollection', label: options.corpus.title });
      const page = JSON.stringify({ id: `${collection}/page1`, type: 'AnnotationPage' });
      return [{ file: '', text: `${head.slice(0, -1)},\n"first":${page.slice(0, -1)},"items":[` }];
    },
    article(entry: ArticleSnapshot) {
      const lines: string[] = [];
      const talk = discussionOf(entry, options.feedback === true);
      for (const layer of sortedArticle(entry).layers) {
        for (const record of layer.annotations) {
          const items = recordLines(entry.article.id, layer.owner, record);
          const discussion = talk(layer.owner, record.id);
          if (discussion.replies.length + discussion.votes.length + (discussion.feedback?.length ?? 0) > 0) {
            items.push(...discussionAnnotations(iris, entry.article.id, layer.owner, record.id, discussion).map((item) => JSON.stringify(item)));
          }
          for (const item of items) {
            lines.push(`${total === 0 ? '\n' : ',\n'}${item}`);
            total++;
          }
        }
      }
      return [{ file: '', text: lines.join('') }];
    },
    end() {
      return [{ file: '', text: `\n]},\n"total":${total}\n}\n` }];
    },
  };
}
