/**
 * Who made a foreign annotation, as a Glose layer: a creator given as an IRI
 * (`https://recogito.pelagios.org/rainer`, Hypothesis's `acct:alice@hypothes.is`, one of our
 * agent IRIs), a bare string or an object (`{ id, name, nickname }`) becomes a valid layer id
 * (letters without accents, digits, - and _, at most 64) and a display name. Two different
 * creators never share a layer (the second gets `-2`), none lands in the teacher's `gold`
 * layer, and the original is kept for the import's provenance file.
 */
import { GOLD_OWNER } from '../model/doc-names';
import { isId } from '../protocol/fields';

export interface Creator {
  layer: string;
  name: string;
}

type Json = Record<string, unknown>;
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);

function idPart(text: string): string {
  const acct = /^acct:([^@]+)@/.exec(text);
  const iri = /^[a-z][a-z0-9+.-]*:/i.test(text) ? text.replace(/[?#].*$/, '').replace(/\/+$/, '').split(/[/:]/).pop() : undefined;
  return (acct?.[1] ?? iri ?? text).normalize('NFKD').replace(/\p{M}+/gu, '').replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60);
}

export interface CreatorRegistry {
  /** The layer and name of `raw` (string, object, array of either); `ours` parses our agent IRIs. */
  creator(raw: unknown, fallback: string, ours: (iri: string) => string | null): Creator;
  /** Layer id → the creator as the file gave it (JSON), for the provenance file. */
  provenance(): Record<string, string>;
}

export function creatorRegistry(): CreatorRegistry {
  const originals = new Map<string, string>();
  const identities = new Map<string, string>();
  return {
    creator(raw, fallback, ours) {
      const c = Array.isArray(raw) ? raw[0] : raw;
      const object = c && typeof c === 'object' ? (c as Json) : {};
      const iri = typeof c === 'string' ? c : str(object.id);
      const name = str(object.name) ?? str(object.nickname) ?? str(object['foaf:nick']) ?? (typeof c === 'string' ? c : undefined);
      const identity = iri ?? name ?? fallback;
      const own = iri ? ours(iri) : null;
      let layer = own && isId(own) ? own : idPart(iri ?? name ?? '') || idPart(fallback) || 'unknown';
      if (layer === GOLD_OWNER && !own) layer = `${GOLD_OWNER}-imported`;
      const base = layer;
      for (let n = 2; identities.has(layer) && identities.get(layer) !== identity; n++) layer = `${base}-${n}`;
      identities.set(layer, identity);
      if (!originals.has(layer)) originals.set(layer, c === undefined || c === null ? fallback : JSON.stringify(c));
      const shown = (name ?? (acctName(iri) || layer)).slice(0, 80);
      return { layer, name: shown };
    },
    provenance: () => Object.fromEntries(originals),
  };
}

function acctName(iri: string | undefined): string {
  return iri ? (/^acct:([^@]+)@/.exec(iri)?.[1] ?? '') : '';
}
