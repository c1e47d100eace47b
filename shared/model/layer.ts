/**
 * Reading and writing one author's layer document: its `annotations` map holds one Y.Map per
 * record, keyed by the record's id. Writes carry the LOCAL origin; reads validate every
 * record and report the ones that fail instead of crashing.
 */
import * as Y from 'yjs';
import { fail, ok, type Result } from '../result';
import { annotationSchema, type Annotation } from './record';
import { LOCAL } from './origins';
import { fastAnnotation } from './record-fast-check';

export type RecordMap = Y.Map<unknown>;

export function annotationsMap(layer: Y.Doc): Y.Map<RecordMap> {
  return layer.getMap<RecordMap>('annotations');
}

export interface LayerRead {
  annotations: Annotation[];
  /** Records that failed validation, with the reason; they are left untouched in the document. */
  invalid: { id: string; reason: string }[];
}

/** Validates one stored record (a Y.Map, or a plain value from a broken peer) under its key. */
export function checkRecord(id: string, value: unknown): Result<Annotation> {
  const raw = value instanceof Y.Map ? { ...value.toJSON(), id } : value;
  const fast = fastAnnotation(raw);
  if (fast) return ok(fast);
  const parsed = annotationSchema.safeParse(raw);
  return parsed.success
    ? ok(parsed.data)
    : fail(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
}

function collect(layer: Y.Doc, checked: (id: string, value: unknown) => Result<Annotation>): LayerRead {
  const annotations: Annotation[] = [];
  const invalid: LayerRead['invalid'] = [];
  annotationsMap(layer).forEach((value, id) => {
    const c = checked(id, value);
    if (c.ok) annotations.push(c.value);
    else invalid.push({ id, reason: c.error });
  });
  return { annotations, invalid };
}

export function readLayer(layer: Y.Doc): LayerRead {
  return collect(layer, checkRecord);
}

/**
 * A reader for a layer that stays open: it validates each record once and again only when
 * that record changes, so re-reading a layer of hundreds of records after one edit is cheap.
 */
export function layerReader(layer: Y.Doc): { read: () => LayerRead; destroy: () => void } {
  const cache = new Map<string, Result<Annotation>>();
  const map = annotationsMap(layer);
  const observer = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
    for (const event of events) {
      if (event.target === map) for (const key of event.keys.keys()) cache.delete(key);
      else if (typeof event.path[0] === 'string') cache.delete(event.path[0]);
    }
  };
  map.observeDeep(observer);
  const cached = (id: string, value: unknown): Result<Annotation> => {
    let c = cache.get(id);
    if (!c) cache.set(id, (c = checkRecord(id, value)));
    return c;
  };
  return { read: () => collect(layer, cached), destroy: () => map.unobserveDeep(observer) };
}

export function addAnnotation(layer: Y.Doc, record: Annotation, origin: unknown = LOCAL): void {
  const valid = annotationSchema.parse(record);
  layer.transact(() => {
    const map = new Y.Map<unknown>();
    for (const [key, value] of Object.entries(valid)) if (key !== 'id') map.set(key, value);
    annotationsMap(layer).set(valid.id, map);
  }, origin);
}

export type AnnotationPatch = Partial<Pick<Annotation, 'kind' | 'note' | 'links' | 'status' | 'target' | 'detached'>>;

/** Applies `patch` to record `id` and stamps `modified`; returns false when there is no such record. */
export function updateAnnotation(layer: Y.Doc, id: string, patch: AnnotationPatch, now: Date, origin: unknown = LOCAL): boolean {
  const map = annotationsMap(layer).get(id);
  if (!(map instanceof Y.Map)) return false;
  const merged = annotationSchema.parse({ ...map.toJSON(), id, ...patch, modified: now.toISOString() });
  layer.transact(() => {
    for (const key of Object.keys(patch) as (keyof AnnotationPatch)[]) map.set(key, merged[key]);
    map.set('modified', merged.modified);
  }, origin);
  return true;
}

export function deleteAnnotation(layer: Y.Doc, id: string, origin: unknown = LOCAL): boolean {
  const map = annotationsMap(layer);
  if (!map.has(id)) return false;
  layer.transact(() => map.delete(id), origin);
  return true;
}
