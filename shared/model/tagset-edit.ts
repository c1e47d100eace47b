/**
 * Editing a corpus's tagset (teacher only: in a class the server lets only the teacher write
 * the corpus document). A tagset is checked before it is written: the schema, plus unique kind
 * keys, relation keys and shortcuts. Existing annotations are never touched by a tagset change:
 * an annotation whose kind was removed shows as an unknown kind, and its owner can remap every
 * annotation of that kind in their own layer, or in their own layers of every article of the
 * corpus at once (and revert exactly what that changed).
 */
import * as Y from 'yjs';
import { tagsetSchema, type Tagset } from './tagset';
import { annotationsMap, readLayer } from './layer';
import { LOCAL } from './origins';
import { fail, ok, type Result } from '../result';

export type TagsetProblem =
  | { code: 'invalid'; path: string; message: string }
  | { code: 'duplicate-key' | 'duplicate-shortcut' | 'duplicate-relation'; value: string };

function duplicates(values: string[]): string[] {
  return [...new Set(values.filter((v, i) => values.indexOf(v) !== i))];
}

export function checkTagset(candidate: unknown): Result<Tagset, TagsetProblem[]> {
  const parsed = tagsetSchema.safeParse(candidate);
  if (!parsed.success) {
    return fail(parsed.error.issues.map((i): TagsetProblem => ({ code: 'invalid', path: i.path.join('.'), message: i.message })));
  }
  const t = parsed.data;
  const problems: TagsetProblem[] = [
    ...duplicates(t.kinds.map((k) => k.key)).map((value) => ({ code: 'duplicate-key' as const, value })),
    ...duplicates(t.kinds.map((k) => k.shortcut)).map((value) => ({ code: 'duplicate-shortcut' as const, value })),
    ...duplicates(t.relations.map((r) => r.key)).map((value) => ({ code: 'duplicate-relation' as const, value })),
  ];
  return problems.length ? fail(problems) : ok(t);
}

/** Writes the tagset to the corpus document when it passes checkTagset. */
export function writeTagset(corpusDoc: Y.Doc, candidate: unknown): ReturnType<typeof checkTagset> {
  const checked = checkTagset(candidate);
  if (checked.ok) corpusDoc.transact(() => corpusDoc.getMap('settings').set('tagset', checked.value), LOCAL);
  return checked;
}

/** Kinds used in `kinds` that the tagset does not define, with how often each is used. */
export function unknownKinds(tagset: Tagset, kinds: Iterable<string>): Map<string, number> {
  const known = new Set(tagset.kinds.map((k) => k.key));
  const out = new Map<string, number>();
  for (const kind of kinds) if (!known.has(kind)) out.set(kind, (out.get(kind) ?? 0) + 1);
  return out;
}

/** Sets the kind of the records `ids` of `layer` to `kind`, in one undoable (LOCAL) transaction. */
function setKinds(layer: Y.Doc, ids: string[], kind: string, now: Date): void {
  const map = annotationsMap(layer);
  layer.transact(() => {
    for (const id of ids) {
      const record = map.get(id);
      if (!(record instanceof Y.Map)) continue;
      record.set('kind', kind);
      record.set('modified', now.toISOString());
    }
  }, LOCAL);
}

const idsOfKind = (layer: Y.Doc, kind: string) => readLayer(layer).annotations.filter((a) => a.kind === kind).map((a) => a.id);

/** Changes every annotation of kind `from` in `layer` (the user's own) to `to`, in one undoable step. */
export function remapKind(layer: Y.Doc, from: string, to: string, now: Date): number {
  const ids = idsOfKind(layer, from);
  setKinds(layer, ids, to, now);
  return ids.length;
}

/** What a corpus-wide remap changed: the annotation ids per layer (keyed as the caller keyed the layers). */
export type Remapped = Map<string, string[]>;

/**
 * Remaps kind `from` to `to` in each of the user's own layers (one per article of the corpus),
 * one transaction per layer; layers without that kind are left untouched.
 */
export function remapKindAcross(layers: ReadonlyMap<string, Y.Doc>, from: string, to: string, now: Date): Remapped {
  const changed: Remapped = new Map();
  for (const [key, layer] of layers) {
    const ids = idsOfKind(layer, from);
    if (ids.length === 0) continue;
    setKinds(layer, ids, to, now);
    changed.set(key, ids);
  }
  return changed;
}

/** Undoes a corpus-wide remap: the records it changed that still have kind `to` go back to `from`. Returns how many. */
export function revertRemap(layers: ReadonlyMap<string, Y.Doc>, changed: Remapped, from: string, to: string, now: Date): number {
  let count = 0;
  for (const [key, ids] of changed) {
    const layer = layers.get(key);
    if (!layer) continue;
    const still = new Set(idsOfKind(layer, to));
    const back = ids.filter((id) => still.has(id));
    setKinds(layer, back, from, now);
    count += back.length;
  }
  return count;
}
