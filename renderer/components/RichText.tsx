/**
 * Notes and replies with basic formatting, always rendered as text: **bold**, *italic* and
 * http(s) addresses become React elements; nothing written by others is ever parsed as HTML
 * (no dangerouslySetInnerHTML). Links open outside the app, without referrer or opener.
 */
import type { ReactNode } from 'react';

const TOKEN = /(\*\*[^*\n]+\*\*|\*[^*\s][^*\n]*\*|https?:\/\/[^\s<>"]+[^\s<>".,;:!?)\]'])/g;

function token(part: string, key: number): ReactNode {
  if (/^https?:\/\//.test(part)) {
    return (
      <a key={key} href={part} target="_blank" rel="noopener noreferrer">
        {part}
      </a>
    );
  }
  if (part.startsWith('**')) return <strong key={key}>{part.slice(2, -2)}</strong>;
  return <em key={key}>{part.slice(1, -1)}</em>;
}

export function richText(text: string): ReactNode[] {
  return text.split(TOKEN).map((part, i) => (i % 2 === 1 ? token(part, i) : part));
}

export function RichText({ text, className }: { text: string; className?: string }) {
  return <p className={className}>{richText(text)}</p>;
}
