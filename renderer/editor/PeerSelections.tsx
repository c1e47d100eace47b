/**
 * Other people's current selections in this article, painted faintly in each person's colour
 * (a light background and a dotted underline) with the person's badge (colour and initial) at the
 * end of the selection, so who is selecting is never told by colour alone; and the user's own
 * selection shared with them.
 * While the class is blind a student is shown no classmate's selection (store/presence.ts).
 */
import { useEffect, useRef, useState } from 'react';
import { MemberBadge } from '../components/MemberBadge';
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

interface Flag {
  id: string;
  name: string;
  color: string;
  left: number;
  top: number;
}

export function PeerSelections({ articleId, index, textMap, root, blind }: Props) {
  const peers = shownPeers(usePeers(), currentRole(), blind).filter((p) => p.article === articleId && p.selection);
  const colors = [...new Set(peers.map((p) => p.user.color.slice(1).toLowerCase()))];
  const box = useRef<HTMLDivElement>(null);
  const [flags, setFlags] = useState<Flag[]>([]);
  const [, relayout] = useState(0);

  useEffect(() => {
    if (!textMap) return;
    clearPeers();
    const byColor = new Map<string, Range[]>();
    // measured only when there is someone to flag: reading a box forces a layout of the page
    const origin = peers.length ? box.current?.getBoundingClientRect() : undefined;
    const placed: Flag[] = [];
    for (const peer of peers) {
      const { start, end } = peer.selection!;
      const range = textMap.range(index.toUtf16(start), index.toUtf16(end));
      const color = peer.user.color.slice(1).toLowerCase();
      if (!range) continue;
      byColor.set(color, [...(byColor.get(color) ?? []), range]);
      const last = [...range.getClientRects()].pop();
      if (origin && last) placed.push({ id: peer.user.id, name: peer.user.name ?? '', color: peer.user.color, left: last.right - origin.left, top: last.top - origin.top });
    }
    byColor.forEach((ranges, color) => CSS.highlights.set(PREFIX + color, new Highlight(...ranges)));
    // set only when a flag moved: this effect runs after every render
    if (JSON.stringify(placed) !== JSON.stringify(flags)) setFlags(placed);
  });
  useEffect(() => clearPeers, []);
  useEffect(() => {
    const onResize = () => relayout((n) => n + 1);
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);

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

  return (
    <>
      <style>{colors.map((c) => `::highlight(${PREFIX}${c}) { background-color: #${c}1f; text-decoration: underline dotted #${c}; }`).join('\n')}</style>
      <div className="peer-flags" ref={box} aria-hidden="true">
        {flags.map((f) => (
          <span key={f.id} className="peer-flag" style={{ left: f.left, top: f.top }} title={f.name}>
            <MemberBadge name={f.name} color={f.color} />
          </span>
        ))}
      </div>
    </>
  );
}
