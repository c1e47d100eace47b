/**
 * What `--from` names for export and agreement: a bundle (a .zip file, streamed off disk) or a
 * class server's data directory (a folder holding `db/`, or that `db` folder itself), read one
 * article at a time. Either way the command gets the corpus, the article count when it is known
 * up front, the articles as snapshots, and a `close()` to call when done or failed.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { ArticleSnapshot } from '../../../shared/formats/types';
import { bundleArticleCount } from './bundle-count';
import { openDatabase } from './database-source';
import { readBundle, type SourceInfo } from './research-io';

export interface ResearchSource {
  /** The corpus: known up front for a database; for a bundle once its first article has been read. */
  info: SourceInfo;
  total: number | undefined;
  articles: AsyncGenerator<ArticleSnapshot>;
  close(): Promise<void>;
}

/** The data directory `from` names, or null when it is not one. */
function dataDirectory(from: string): string | null {
  if (!existsSync(from) || !statSync(from).isDirectory()) return null;
  const db = path.join(from, 'db');
  if (existsSync(db) && statSync(db).isDirectory() && readdirSync(db).length > 0) return from; // damaged ones too: opening says what is wrong
  return existsSync(path.join(from, 'CURRENT')) && path.basename(path.resolve(from)) === 'db' ? path.dirname(path.resolve(from)) : null;
}

/** Opens `--from`; `corpus` (`--corpus`) picks one of a database's corpora; `feedback`: read the students' private feedback too. Warnings go to stderr. */
export async function openSource(from: string, corpus: string | undefined, feedback = false): Promise<ResearchSource> {
  const dir = dataDirectory(from);
  if (dir) {
    const db = await openDatabase(dir, corpus, (message) => console.error(`glose: ${message}`), feedback);
    return { info: { corpus: db.corpus }, total: db.total, articles: db.articles, close: db.close };
  }
  if (existsSync(from) && statSync(from).isDirectory()) throw new Error(`${from}: neither a bundle (.zip) nor a server data directory (no database in ${path.join(from, 'db')})`);
  if (corpus !== undefined) throw new Error('--corpus chooses among the corpora of a server data directory; a bundle holds one corpus');
  const info: SourceInfo = {};
  const articles = readBundle(from, info);
  return { info, total: bundleArticleCount(from), articles, close: async () => void (await articles.return(undefined)) };
}
