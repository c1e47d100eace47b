/**
 * Puts what a bundle carries beside the records back into Yjs documents, for the two places a
 * bundle is imported: `glose restore BUNDLE.zip` (a fresh class database) and the app's import
 * (the local corpus). A layer's discussion goes to its writer's layer document; the teacher's
 * verdicts, the class-vote setting and the rubric to the corpus document (without replacing what
 * the corpus already decided: a verdict already given on a mark, a rubric already set); the
 * private feedback is gathered by student (each student has one feedback document). Every value
 * was checked by the bundle reader; the model's writers check it again.
 */
import type * as Y from 'yjs';
import { RUBRIC_KEY, writeRubric } from '../assessment/rubric';
import { VERDICTS_ROOT, writeVerdict } from '../claims/verdict';
import { writeSetting } from '../model/class-settings';
import { addReply, setStatus, setVote } from '../model/discussion';
import { addFeedback, feedbackMap } from '../model/feedback';
import type { ArticleSnapshot, CorpusInfo, FeedbackSnapshot, LayerSnapshot } from './types';

/** The layer's replies, votes and statuses, into its owner's layer document. */
export function writeDiscussion(doc: Y.Doc, layer: LayerSnapshot): void {
  for (const r of layer.replies ?? []) addReply(doc, r);
  for (const v of layer.votes ?? []) setVote(doc, v);
  for (const s of layer.statuses ?? []) setStatus(doc, s);
}

/** The rubric (when the corpus has none), the verdicts on marks that have none, and the class vote when the bundle's class voted. */
export function writeCorpusDecisions(corpusDoc: Y.Doc, corpus: CorpusInfo): void {
  if (corpus.rubric && corpusDoc.getMap('settings').get(RUBRIC_KEY) === undefined) writeRubric(corpusDoc, corpus.rubric);
  const given = corpusDoc.getMap(VERDICTS_ROOT);
  for (const v of corpus.verdicts?.verdicts ?? []) if (!given.has(v.about)) writeVerdict(corpusDoc, v, []);
  if (corpus.verdicts?.byVote) writeSetting(corpusDoc, 'verdictVote', true);
}

/** Feedback entries by student, from the corpus (whole works) and each article read. */
export function feedbackGatherer(corpus: CorpusInfo): { add(entry: ArticleSnapshot): void; byStudent: Map<string, FeedbackSnapshot['entries']> } {
  const byStudent = new Map<string, FeedbackSnapshot['entries']>();
  const keep = (list: FeedbackSnapshot[] | undefined) => list?.forEach((f) => byStudent.set(f.student, [...(byStudent.get(f.student) ?? []), ...f.entries]));
  keep(corpus.feedback);
  return { add: (entry) => keep(entry.feedback), byStudent };
}

/** A student's feedback entries into their feedback document; entries already there are kept as they are. */
export function writeFeedback(doc: Y.Doc, entries: FeedbackSnapshot['entries']): void {
  const held = feedbackMap(doc);
  for (const e of entries) if (!held.has(e.id)) addFeedback(doc, e);
}
