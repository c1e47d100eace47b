/**
 * Runs an export writer over articles held in memory and gathers its output by file ('' for
 * the main file). Commands stream instead; this is for tests, the app's small exports and
 * anything else that wants the whole result as strings.
 */
import type { ArticleSnapshot, ExportWriter, OutChunk } from './types';

export function runWriter(writer: ExportWriter, articles: Iterable<ArticleSnapshot>): Map<string, string> {
  const files = new Map<string, string[]>();
  const add = (chunks: OutChunk[]): void => {
    for (const c of chunks) {
      const list = files.get(c.file);
      if (list) list.push(c.text);
      else files.set(c.file, [c.text]);
    }
  };
  add(writer.begin());
  for (const entry of articles) add(writer.article(entry));
  add(writer.end());
  return new Map([...files].map(([file, parts]) => [file, parts.join('')]));
}
