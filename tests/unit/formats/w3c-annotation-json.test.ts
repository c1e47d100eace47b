/**
 * The W3C writer's fast path (mainAnnotationJson: shared parts serialised once) writes exactly
 * what JSON.stringify writes for the same annotation, on the seed corpus and on records whose
 * note, quote, author and status hold what JSON must escape.
 */
import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../../shared/model/record';
import { irisFor } from '../../../shared/formats/iri';
import { mainAnnotationJson, w3cAnnotations } from '../../../shared/formats/w3c-export';
import { seedCorpus } from './fixtures';

describe('mainAnnotationJson', () => {
  it('equals JSON.stringify of the annotation for every record of the seed corpus and for odd ones', () => {
    const iris = irisFor('corpus "1"', 'https://example.org/base');
    const creators = new Map<string, string>();
    let checked = 0;
    for (const entry of seedCorpus(10)) {
      for (const layer of entry.layers) {
        const odd: Annotation[] = layer.annotations.slice(0, 2).map((a, i) => ({
          ...a,
          id: `${a.id}-odd`,
          note: i === 0 ? 'a "quoted" note\nwith \\ and \u2028 and 😀' : '',
          author: { ...a.author, name: `${a.author.name} "the" \\ one` },
          target: { ...a.target, exact: `${a.target.exact}"\t`, prefix: '</script>', suffix: '\u0000' },
          status: 'resolved',
        }));
        for (const record of [...layer.annotations, ...odd]) {
          expect(mainAnnotationJson(iris, entry.article.id, layer.owner, record, creators)).toBe(JSON.stringify(w3cAnnotations(iris, entry.article.id, layer.owner, record)[0]));
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
  });
});
