/** Hand-built marks for the assessment tests: a record of `kind` over code points [start, end). */
import type { Annotation, Link } from '../../../shared/model/record';

export function mark(id: string, kind: string, start: number, end: number, links: Link[] = [], note = ''): Annotation {
  const author = { id: 'x', name: 'X', color: '#000000' };
  const target = { start, end, exact: 'x'.repeat(end - start), prefix: '', suffix: '' };
  return { id, kind, target, note, author, created: '2026-01-01T00:00:00.000Z', modified: '2026-01-01T00:00:00.000Z', links, status: 'open' };
}
