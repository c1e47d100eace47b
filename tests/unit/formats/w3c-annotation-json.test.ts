/**
 * The W3C writer's fast path (w3c-json.ts: each record's annotations written straight as JSON
 * text, shared parts serialised once) writes exactly what JSON.stringify writes for the same
 * annotations (the record and its links), on the seed corpus and on records whose note, quote,
 * author, ids, links and status hold what JSON or an IRI must escape.
 */
import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../../shared/model/record';
import { irisFor } from '../../../shared/formats/iri';
import { w3cAnnotations } from '../../../shared/formats/w3c-export';
import { w3cRecordLines } from '../../../shared/formats/w3c-json';
import { seedCorpus } from './fixtures';

describe('w3cRecordLines', () => {
  it('equals JSON.stringify of each annotation of a record, links included, for the seed corpus and odd records', () => {
    const iris = irisFor('corpus "1"', 'https://example.org/"base"\\');
    const lines = w3cRecordLines(iris);
    let checked = 0;
    let links = 0;
    for (const entry of seedCorpus(10)) {
      for (const layer of entry.layers) {
        const odd: Annotation[] = layer.annotations.slice(0, 2).map((a, i) => ({
          ...a,
          id: `${a.id}-odd é/?`,
          note: i === 0 ? 'a "quoted" note\nwith \\ and \u2028 and 😀' : '',
          author: { ...a.author, name: `${a.author.name} "the" \\ one` },
          target: { ...a.target, exact: `${a.target.exact}"\t`, prefix: '</script>', suffix: '\u0000' },
          links: [{ to: 'x "y"/z', rel: 'supports' }, { to: a.id, rel: 'same-claim', article: 'other article' }],
          status: 'resolved',
        }));
        for (const record of [...layer.annotations, ...odd]) {
          // the article changes between calls: the writer's per-article cache must follow it
          for (const article of [entry.article.id, `${entry.article.id} bis`]) {
            const expected = w3cAnnotations(iris, article, layer.owner, record).map((a) => JSON.stringify(a));
            expect(lines(article, layer.owner, record)).toEqual(expected);
            links += expected.length - 1;
            checked++;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
    expect(links).toBeGreaterThan(20);
  });
});
