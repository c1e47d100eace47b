/**
 * The light formatting of an assignment's instructions, read from plain text and never from
 * HTML: blank lines separate paragraphs, lines starting with "- " (or "* ", "• ") are a bullet
 * list, and *text* is emphasis. What this returns is only text and structure; the component
 * (Instructions.tsx) turns it into React elements, so markup in the text stays text.
 */

/** A run of text, emphasised or not. */
export interface Run {
  text: string;
  em: boolean;
}

export type Block = { type: 'paragraph'; lines: Run[][] } | { type: 'list'; items: Run[][] };

const BULLET = /^\s*[-*•]\s+/;

/** "a *b* c" → runs; an unpaired * is kept as it is. */
export function runs(line: string): Run[] {
  const out: Run[] = [];
  const pattern = /\*([^*\n]+)\*/g;
  let last = 0;
  for (const match of line.matchAll(pattern)) {
    if (match.index > last) out.push({ text: line.slice(last, match.index), em: false });
    out.push({ text: match[1]!, em: true });
    last = match.index + match[0].length;
  }
  if (last < line.length) out.push({ text: line.slice(last), em: false });
  return out;
}

export function blocks(text: string): Block[] {
  const out: Block[] = [];
  for (const chunk of text.replace(/\r\n?/g, '\n').split(/\n\s*\n/)) {
    const lines = chunk.split('\n').filter((l) => l.trim() !== '');
    let paragraph: Run[][] = [];
    let list: Run[][] = [];
    const flush = () => {
      if (paragraph.length) out.push({ type: 'paragraph', lines: paragraph });
      if (list.length) out.push({ type: 'list', items: list });
      paragraph = [];
      list = [];
    };
    for (const line of lines) {
      const bullet = BULLET.test(line);
      if (bullet ? paragraph.length : list.length) flush();
      (bullet ? list : paragraph).push(runs(bullet ? line.replace(BULLET, '') : line.trim()));
    }
    flush();
  }
  return out;
}
