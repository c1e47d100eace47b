/**
 * Other people's current selections in this article, painted faintly in each person's colour
 * (a light background and a dotted underline), and the user's own selection shared with them.
 * While the class is blind a student is shown no classmate's selection (store/presence.ts).
 */
import { useEffect } from 'react';
import type { CodePointIndex } from '../../shared/text/code-points';
import { announceSelection, shownPeers, usePeers } from '../store/presence';
import { currentRole } from '../store/sync';
import type { TextMap } from './text-map';

const PREFIX = 'glose-peer-';

function clearPeers(): void {
  for (const name of [...CSS.highlights.keys()]) if (name.startsWith(PREFIX)) CSS.highlights.delete(name);
}

interface Props {
  articleId: string;
  index: CodePointIndex;
  textMap: TextMap | null;
  root: () => HTMLElement | null;
  /** the class is blind */
  blind: boolean;
}

export function PeerSelections({ articleId, index, textMap, root, blind }: Props) {
  const peers = shownPeers(usePeers(), currentRole(), blind).filter((p) => p.article === articleId && p.selection);
  const colors = [...new Set(peers.map((p) => p.user.color.slice(1).toLowerCase()))];

  useEffect(() => {
    if (!textMap) return;
    clearPeers();
    const byColor = new Map<string, Range[]>();
    for (const peer of peers) {
      const { start, end } = peer.selection!;
      const range = textMap.range(index.toUtf16(start), index.toUtf16(end));
      const color = peer.user.color.slice(1).toLowerCase();
      if (range) byColor.set(color, [...(byColor.get(color) ?? []), range]);
    }
    byColor.forEach((ranges, color) => CSS.highlights.set(PREFIX + color, new Highlight(...ranges)));
  });
  useEffect(() => clearPeers, []);

  // share this user's selection while it is inside the article
  useEffect(() => {
    if (!textMap) return;
    const onChange = () => {
      const selection = getSelection();
      const element = root();
      if (!selection || selection.rangeCount === 0 || !element || !element.contains(selection.anchorNode)) return;
      const r = selection.getRangeAt(0);
      const start = textMap.offsetOf(r.startContainer, r.startOffset);
      const end = textMap.offsetOf(r.endContainer, r.endOffset);
      announceSelection(start !== null && end !== null && end > start ? { start: index.toCodePoint(start), end: index.toCodePoint(end) } : null);
    };
    document.addEventListener('selectionchange', onChange);
    return () => document.removeEventListener('selectionchange', onChange);
  }, [textMap, index, root]);

  return <style>{colors.map((c) => `::highlight(${PREFIX}${c}) { background-color: #${c}1f; text-decoration: underline dotted #${c}; }`).join('\n')}</style>;
}
