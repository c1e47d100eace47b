/**
 * Maps between the rendered article (the editor's DOM) and offsets in the canonical text.
 * Each paragraph element renders one non-empty line of the canonical text; walking their text
 * nodes once gives, for every DOM text node, the canonical UTF-16 offset where it starts.
 */
import type { Paragraph } from '../../shared/text/canonical-text';

interface Piece {
  node: Text;
  /** canonical UTF-16 offset of the node's first character */
  start: number;
}

export interface TextMap {
  /** A DOM range over canonical UTF-16 offsets [start, end), or null outside the text. */
  range(start: number, end: number): Range | null;
  /** The canonical UTF-16 offset of a DOM position inside the article, or null. */
  offsetOf(node: Node, offset: number): number | null;
}

export function buildTextMap(blocks: Element[], paras: Paragraph[]): TextMap | null {
  if (blocks.length !== paras.length) return null;
  const pieces: Piece[] = [];
  const firstPiece = new Map<Element, number>();
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    let at = paras[i]!.start;
    firstPiece.set(block, pieces.length);
    const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const node = n as Text;
      pieces.push({ node, start: at });
      at += node.data.length;
    }
    if (at !== paras[i]!.end) return null; // the DOM does not show the canonical text
  }

  // the last piece starting at or before `offset`
  function pieceAt(offset: number): Piece | null {
    let lo = 0;
    let hi = pieces.length - 1;
    if (hi < 0 || offset < pieces[0]!.start) return pieces[0] ?? null;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (pieces[mid]!.start <= offset) lo = mid;
      else hi = mid - 1;
    }
    return pieces[lo]!;
  }

  function position(offset: number): [Text, number] | null {
    const piece = pieceAt(offset);
    if (!piece) return null;
    return [piece.node, Math.max(0, Math.min(offset - piece.start, piece.node.data.length))];
  }

  return {
    range(start, end) {
      const s = position(start);
      const e = position(end);
      if (!s || !e) return null;
      const range = document.createRange();
      range.setStart(s[0], s[1]);
      range.setEnd(e[0], e[1]);
      return range;
    },
    offsetOf(node, offset) {
      if (node.nodeType === Node.TEXT_NODE) {
        const piece = pieces.find((p) => p.node === node);
        return piece ? piece.start + offset : null;
      }
      // an element position: the start of its offset-th child, or the end of the block
      const el = node as Element;
      const block = el.closest('.glose-block');
      const blockIndex = block ? blocks.indexOf(block) : -1;
      if (blockIndex < 0) return null;
      const child = el.childNodes[offset];
      if (child) {
        const walker = document.createTreeWalker(child, NodeFilter.SHOW_TEXT);
        const first = child.nodeType === Node.TEXT_NODE ? child : walker.nextNode();
        const piece = pieces.find((p) => p.node === first);
        if (piece) return piece.start;
      }
      return paras[blockIndex]!.end;
    },
  };
}
