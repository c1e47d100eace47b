/**
 * A folder's `manifest.json` describing its article files (as `seeds/manifest.json` does): each
 * file's id, title, language and source. Importing a file listed there — by the app's sample
 * corpus or by `glose import seeds/*.txt` — takes these instead of what would be derived from
 * the text (a first line such as "Connexion", a guessed language). Checked with zod: a manifest
 * that does not match is not used.
 */
import { z } from 'zod';
import { idSchema } from '../protocol/fields';
import type { KnownArticle } from './article-import';

const entrySchema = z.object({
  id: idSchema,
  file: z.string().min(1).max(255),
  language: z.string().min(2).max(16),
  title: z.string().min(1).max(500),
  source: z.string().max(500),
});

export const seedManifestSchema = z.object({ articles: z.array(entrySchema).max(100_000) });

export type SeedManifest = z.infer<typeof seedManifestSchema>;

/** What `manifest` (unchecked JSON) says of the file named `file`, or undefined. */
export function knownFromManifest(manifest: unknown, file: string): KnownArticle | undefined {
  const parsed = seedManifestSchema.safeParse(manifest);
  const entry = parsed.success ? parsed.data.articles.find((a) => a.file === file) : undefined;
  return entry && { id: entry.id, title: entry.title, language: entry.language, source: entry.source };
}
