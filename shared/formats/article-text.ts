/**
 * Two pieces of the import path (article-import.ts): Markdown reduced to its text (headings,
 * emphasis, links and images keep their text, code fences their content, a blockquote stays its own
 * paragraph: the markers are matched within a line, never across the blank line before them), and an article id
 * made from a file name.
 */

export function textFromMarkdown(md: string): string {
  return md
    .replace(/^```[^\n]*\n([\s\S]*?)^```$/gm, '$1')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^[ \t]{0,3}#{1,6}[ \t]+/gm, '')
    .replace(/^[ \t]{0,3}(?:>[ \t]?)+/gm, '')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|[^\p{L}\p{N}*_])[*_](?=\S)(.+?)(?<=\S)[*_](?![\p{L}\p{N}])/gu, '$1$2')
    .replace(/`([^`]+)`/g, '$1');
}

/** An article id from a file name: letters (accents dropped), digits, - and _, at most 64. */
export function articleIdFromName(name: string): string {
  const id = name.replace(/\.[^.]*$/, '').normalize('NFKD').replace(/\p{M}+/gu, '').replace(/[^\w-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 64);
  return id || 'article';
}
