/**
 * The layers of one article that the user can see: their own (the one they write) and those
 * of everyone on the corpus roster (read-only; in a class session the server decides which of
 * these a user may receive, and a student in a blind class sees only their own). Each layer is a Yjs document of its own (ARCHITECTURE.md §2).
 */
import { useEffect, useState } from 'react';
import * as Y from 'yjs';
import { corpusDocName, layerDocName } from '../../shared/model/doc-names';
import { layerReader, type LayerRead } from '../../shared/model/layer';
import { withVouchedAuthors } from '../../shared/model/authorship';
import { readRoster, rosterIds, type RosterEntry } from '../../shared/model/roster';
import { isBlind } from '../../shared/model/class-settings';
import { currentRole } from './sync';
import { loadDoc } from './doc-store';
import { useDoc, useDocValue } from './use-doc';

export interface LayerView {
  owner: string;
  doc: Y.Doc;
  mine: boolean;
  /** the layer's records, each with the author the server vouches for (shared/model/authorship.ts) */
  read: LayerRead;
  /** the server-written roster the authors come from */
  roster: ReadonlyMap<string, RosterEntry>;
}

/** The roster as a string that changes when an entry does (a dependency for effects). */
export function rosterKey(corpusDoc: Y.Doc): string {
  return JSON.stringify([...readRoster(corpusDoc)]);
}

export function parseRosterKey(key: string): ReadonlyMap<string, RosterEntry> {
  return new Map(JSON.parse(key) as [string, RosterEntry][]);
}

const readers = new WeakMap<Y.Doc, ReturnType<typeof layerReader>>();

/** Reads a layer through one long-lived reader per document (see layerReader). */
export function readLayerCached(doc: Y.Doc): LayerRead {
  let reader = readers.get(doc);
  if (!reader) readers.set(doc, (reader = layerReader(doc)));
  return reader.read();
}

/**
 * Whose layers, besides the user's own, the user can see: the roster's, except for a student in
 * a blind class, who sees none (the server would refuse them).
 */
export function visibleOthers(corpusDoc: Y.Doc, me: string): string[] {
  if (currentRole() === 'student' && isBlind(corpusDoc)) return [];
  return rosterIds(corpusDoc).filter((id) => id !== me);
}

export function useArticleLayers(corpus: string, article: string, me: string): LayerView[] | undefined {
  const { doc: corpusDoc } = useDoc(corpusDocName(corpus));
  const others = useDocValue(corpusDoc, (d) => visibleOthers(d, me).join(','));
  const members = useDocValue(corpusDoc, rosterKey);
  const key = others === undefined ? null : [me, ...(others ? others.split(',') : [])].join(',');
  const [state, setState] = useState<{ key: string; layers: LayerView[] }>();

  useEffect(() => {
    if (key === null || members === undefined) return;
    let live = true;
    const owners = key.split(',');
    const roster = parseRosterKey(members);
    const views = new Map<string, LayerView>();
    const stops: (() => void)[] = [];
    const publish = () => {
      // publish once the user's own layer is there; others join as they load
      if (live && views.has(me)) setState({ key, layers: owners.filter((o) => views.has(o)).map((o) => views.get(o)!) });
    };
    for (const owner of owners) {
      void loadDoc(layerDocName(corpus, article, owner)).then((doc) => {
        if (!live) return;
        const update = () => {
          const read = readLayerCached(doc);
          views.set(owner, { owner, doc, mine: owner === me, read: { ...read, annotations: withVouchedAuthors(read.annotations, owner, roster) }, roster });
          publish();
        };
        update();
        doc.on('update', update);
        stops.push(() => doc.off('update', update));
      });
    }
    return () => {
      live = false;
      stops.forEach((stop) => stop());
    };
  }, [key, members, corpus, article, me]);

  return state && state.key === key ? state.layers : undefined;
}
