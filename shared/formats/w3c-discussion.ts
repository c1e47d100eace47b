/**
 * The discussion of an annotation as W3C Web Annotations (issue 12, item 7), each targeting
 * the annotation's IRI: a reply is a `replying` annotation with its text as a TextualBody; a
 * vote an `assessing` annotation whose body is `agree` or `disagree`; and, when the export
 * includes it, each entry of the private feedback thread on a student's annotation: the
 * teacher's as `assessing`, the student's answers as `replying`, both marked with
 * `glose:feedbackFor` (the student). Votes have no id of their own: theirs is minted from the
 * voter and the annotation (one vote per person and annotation).
 */
import type { AnnotationDiscussion, ThreadItem } from './discussion-export';
import type { Iris } from './iri';
import { ASSESS_MOTIVATION, CONTEXT, REPLY_MOTIVATION, type W3cAnnotation, type W3cTextualBody } from './w3c-vocabulary';

function body(purpose: string, value: string): W3cTextualBody {
  return { type: 'TextualBody', purpose, value, format: 'text/plain' };
}

function item(iris: Iris, id: string, motivation: string, who: { author_id: string; author_name: string }, created: string, value: string, target: string, layer: string): W3cAnnotation {
  return {
    '@context': CONTEXT,
    id,
    type: 'Annotation',
    motivation,
    created,
    creator: { id: iris.agent(who.author_id), type: 'Person', name: who.author_name },
    body: [body(motivation, value)],
    target,
    'glose:layer': layer,
  };
}

/** The replies, votes and (when present) feedback on annotation `id` of `owner`'s layer in `article`. */
export function discussionAnnotations(iris: Iris, article: string, owner: string, id: string, talk: AnnotationDiscussion): W3cAnnotation[] {
  const target = iris.annotation(article, id);
  const reply = (r: ThreadItem) => item(iris, iris.discussion(article, 'replies', r.id), REPLY_MOTIVATION, r, r.created, r.text, target, owner);
  const feedback = (f: ThreadItem): W3cAnnotation => ({
    ...item(iris, iris.discussion(article, 'feedback', f.id), f.author_id === owner ? REPLY_MOTIVATION : ASSESS_MOTIVATION, f, f.created, f.text, target, owner),
    'glose:feedbackFor': owner,
  });
  return [
    ...talk.replies.map(reply),
    ...talk.votes.map((v) => item(iris, iris.discussion(article, 'votes', `${v.author_id}.${id}`), ASSESS_MOTIVATION, v, v.at, v.value, target, owner)),
    ...(talk.feedback ?? []).map(feedback),
  ];
}
