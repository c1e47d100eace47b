/**
 * The IRIs an export mints for articles, annotations, links, discussion items and agents, and their parsing on
 * import. They are built from the corpus id, the article id and the record id under a base
 * (default `urn:glose:`), so the same corpus always exports the same identifiers.
 */
import { DEFAULT_BASE } from './types';

const enc = encodeURIComponent;

export interface Iris {
  corpus(): string;
  article(article: string): string;
  annotation(article: string, id: string): string;
  link(article: string, from: string, rel: string, to: string): string;
  /** A reply, vote or feedback entry of the discussion of an article's annotations. */
  discussion(article: string, kind: 'replies' | 'votes' | 'feedback', id: string): string;
  agent(id: string): string;
  /** The article and record ids of an annotation IRI minted by `annotation`, or null. */
  parseAnnotation(iri: string): { article: string; id: string } | null;
  /** The article id of an article IRI minted by `article`, or null. */
  parseArticle(iri: string): string | null;
  /** The author id of an agent IRI minted by `agent`, or null. */
  parseAgent(iri: string): string | null;
}

export function irisFor(corpus: string, base: string = DEFAULT_BASE): Iris {
  const root = `${base}${enc(corpus)}`;
  const annotationRe = new RegExp(`^${escape(root)}/articles/([^/]+)/annotations/([^/]+)$`);
  const articleRe = new RegExp(`^${escape(root)}/articles/([^/]+)$`);
  const agentRe = new RegExp(`^${escape(root)}/agents/([^/]+)$`);
  const last = (re: RegExp, iri: string): string | null => {
    const m = re.exec(iri);
    return m ? decodeURIComponent(m[1]!) : null;
  };
  return {
    corpus: () => root,
    article: (a) => `${root}/articles/${enc(a)}`,
    annotation: (a, id) => `${root}/articles/${enc(a)}/annotations/${enc(id)}`,
    link: (a, from, rel, to) => `${root}/articles/${enc(a)}/links/${enc(from)}.${enc(rel)}.${enc(to)}`,
    discussion: (a, kind, id) => `${root}/articles/${enc(a)}/${kind}/${enc(id)}`,
    agent: (id) => `${root}/agents/${enc(id)}`,
    parseAnnotation(iri) {
      const m = annotationRe.exec(iri);
      return m ? { article: decodeURIComponent(m[1]!), id: decodeURIComponent(m[2]!) } : null;
    },
    parseArticle: (iri) => last(articleRe, iri),
    parseAgent: (iri) => last(agentRe, iri),
  };
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
