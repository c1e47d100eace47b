/**
 * The parts a version-2 corpus bundle carries beside each article's text and layers (issues 12
 * and 15): each writer's discussion (`articles/<id>/discussion/<owner>.json`: replies, votes,
 * statuses), the private feedback to each student about the article
 * (`articles/<id>/feedback/<student>.json`, only in bundles exported with feedback), and the
 * provenance of an article imported from a web address (`articles/<id>/source.json`: address,
 * final address, retrieval time, content type, size and SHA-256 of the saved page, and
 * `articles/<id>/source.html`, the page as it was served). Here they are written and read back
 * as hostile input: strict zod schemas, a size limit per part, the page's bytes checked against
 * its recorded hash, and every error a `BundleProblem` the app can say in the user's language.
 */
import { z } from 'zod';
import { statusRecordSchema, replySchema, voteSchema } from '../model/discussion';
import { feedbackEntrySchema, type FeedbackEntry } from '../model/feedback';
import { pageSourceSchema, type PageSource } from '../model/page-source';
import { sha256Hex } from '../model/corpus';
import { encodeUtf8 } from 'lib0/string';
import type { LayerSnapshot } from './types';

/** The most a saved page may hold: what an import from a web address keeps (page-fetch.ts). */
export const MAX_SOURCE_BYTES = 5 * 1024 * 1024;
/** The most items one discussion or feedback part may hold. */
export const MAX_PART_ITEMS = 50_000;

export const discussionFileSchema = z.strictObject({
  replies: z.array(replySchema).max(MAX_PART_ITEMS),
  votes: z.array(voteSchema).max(MAX_PART_ITEMS),
  statuses: z.array(statusRecordSchema).max(MAX_PART_ITEMS),
});
export type DiscussionFile = z.infer<typeof discussionFileSchema>;

export const feedbackFileSchema = z.array(feedbackEntrySchema).max(MAX_PART_ITEMS);

/** What went wrong with a part, for a message in the user's language (i18n `bundles.problem.*`). */
export interface BundleProblem {
  code: 'invalid' | 'tooLarge' | 'hashMismatch' | 'wrongArticle' | 'missingPart' | 'newerPart';
  file: string;
  detail?: string;
}

export function problemText(p: BundleProblem): string {
  const what = {
    invalid: 'does not have the expected shape',
    tooLarge: `is larger than ${MAX_SOURCE_BYTES / (1024 * 1024)} MB, the most a saved page may hold`,
    hashMismatch: 'does not match the size and SHA-256 recorded in source.json',
    wrongArticle: 'holds feedback about another article',
    missingPart: `comes without ${p.detail ?? 'its companion part'}`,
    newerPart: 'is a part of a version-2 bundle, but the manifest says version 1',
  }[p.code];
  return `${p.file}: ${what}${p.detail && p.code !== 'missingPart' ? ` (${p.detail})` : ''}`;
}

const byKey = <T>(key: (t: T) => string) => (a: T, b: T): number => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
const lines = (items: readonly unknown[]): string => (items.length === 0 ? '[]' : `[\n${items.map((i) => JSON.stringify(i)).join(',\n')}\n]`);

/** A layer's discussion as its part, or null when it has none; items sorted so equal content gives equal bytes. */
export function discussionJson(layer: LayerSnapshot): string | null {
  const replies = [...(layer.replies ?? [])].sort(byKey((r) => r.id));
  const votes = [...(layer.votes ?? [])].sort(byKey((v) => v.about));
  const statuses = [...(layer.statuses ?? [])].sort(byKey((s) => s.about));
  if (replies.length + votes.length + statuses.length === 0) return null;
  return `{"replies": ${lines(replies)},\n"votes": ${lines(votes)},\n"statuses": ${lines(statuses)}}\n`;
}

export function feedbackJson(entries: readonly FeedbackEntry[]): string {
  return `${lines([...entries].sort(byKey((e) => e.id)))}\n`;
}

export function sourceJson(source: PageSource): string {
  return `${JSON.stringify(source, null, 1)}\n`;
}

type Parsed<T> = { ok: true; value: T } | { ok: false; problem: BundleProblem };
const issues = (error: z.ZodError): string => error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');

function parsed<T>(file: string, schema: z.ZodType<T>, json: unknown): Parsed<T> {
  const r = schema.safeParse(json);
  return r.success ? { ok: true, value: r.data } : { ok: false, problem: { code: 'invalid', file, detail: issues(r.error) } };
}

export const readDiscussionPart = (file: string, json: unknown): Parsed<DiscussionFile> => parsed(file, discussionFileSchema, json);

/** A feedback part: every entry about `article` (or, for the corpus's, about no article). */
export function readFeedbackPart(file: string, json: unknown, article: string | undefined): Parsed<FeedbackEntry[]> {
  const r = parsed(file, feedbackFileSchema, json);
  if (!r.ok) return r;
  const stray = r.value.find((e) => e.article !== article || (e.annotation !== undefined && e.article === undefined));
  return stray ? { ok: false, problem: { code: 'wrongArticle', file, detail: stray.id } } : r;
}

/** Only web addresses: a provenance's address is shown as a link in the article's header. */
const webAddress = (url: string): boolean => /^https?:\/\//i.test(url);
const bundledSourceSchema = pageSourceSchema.strict().refine((s) => webAddress(s.url) && webAddress(s.finalUrl), { message: 'addresses must be http or https' });

export const readSourcePart = (file: string, json: unknown): Parsed<PageSource> => parsed(file, bundledSourceSchema, json);

/** The saved page checked against its provenance: size limit first, then size and hash. */
export function checkSnapshot(file: string, html: string, source: PageSource): BundleProblem | null {
  const bytes = encodeUtf8(html).byteLength;
  if (bytes > MAX_SOURCE_BYTES) return { code: 'tooLarge', file };
  if (bytes !== source.bytes || sha256Hex(html) !== source.sha256) return { code: 'hashMismatch', file };
  return null;
}
