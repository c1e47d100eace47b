/**
 * One annotation of the argument map as a line of a list, which is how the map is read and
 * operated by keyboard: its kind's glyph (the same shape and colour as its node on the canvas)
 * and a sentence naming kind, quote, author and article. Enter or a click opens it. Used by the
 * map view and by the article's argument panel.
 */
import type { ButtonHTMLAttributes, ReactNode, Ref } from 'react';
import { useT } from '../i18n/use-t';
import type { MapNode } from '../store/map-model';

export const GLYPHS: Record<MapNode['shape'], string> = { ellipse: '●', diamond: '◆', 'round-rectangle': '▬', triangle: '▲', hexagon: '⬢', star: '★', vee: '▼', octagon: '⯃', rectangle: '■' };

interface Props extends ButtonHTMLAttributes<HTMLButtonElement> {
  node: MapNode;
  /** shown after the sentence, e.g. why the node is marked */
  children?: ReactNode;
  ref?: Ref<HTMLButtonElement>;
}

export function MapNodeButton({ node: n, children, className, ...button }: Props) {
  const { t } = useT();
  return (
    <button type="button" className={`map-node${className ? ` ${className}` : ''}`} data-node-id={n.id} {...button}>
      <span style={{ color: n.color }} aria-hidden="true">
        {GLYPHS[n.shape]}
      </span>{' '}
      {t('map.node', { kind: n.kindName, quote: n.quote, author: n.author, article: n.articleTitle })}
      {children}
    </button>
  );
}
