/**
 * The W3C Web Annotation vocabulary Glose writes and reads: the JSON-LD context (the standard
 * one plus a `glose:` prefix for the four fields the standard has no term for), the
 * motivations and body purposes, and the JSON shapes of an exported annotation.
 * docs/formats.md explains every choice.
 */

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
export const GLOSE_VOCAB = 'urn:glose:vocab#';
export const CONTEXT = [ANNO_CONTEXT, { glose: GLOSE_VOCAB }] as const;

/** Tagging a span with a tagset kind classifies it ("to classify the Target as something"). */
export const KIND_MOTIVATION = 'classifying';
export const LINK_MOTIVATION = 'linking';
export const KIND_PURPOSE = 'classifying';
export const NOTE_PURPOSE = 'commenting';
export const REL_PURPOSE = 'classifying';
/** A reply on an annotation, and a student's answer in a feedback thread. */
export const REPLY_MOTIVATION = 'replying';
/** A vote, and the teacher's feedback on a student's annotation: assessing it. */
export const ASSESS_MOTIVATION = 'assessing';

export interface W3cTextualBody {
  type: 'TextualBody';
  purpose: string;
  value: string;
  format: 'text/plain';
}

export interface W3cAgent {
  id: string;
  type: 'Person';
  name: string;
  'glose:color'?: string;
}

export interface W3cAnnotation {
  '@context': typeof CONTEXT;
  id: string;
  type: 'Annotation';
  motivation: string;
  created: string;
  modified?: string;
  creator: W3cAgent;
  body: (W3cTextualBody | string)[];
  target:
    | string
    | {
        source: string;
        selector: [
          { type: 'TextPositionSelector'; start: number; end: number },
          { type: 'TextQuoteSelector'; exact: string; prefix: string; suffix: string },
        ];
      };
  'glose:layer': string;
  'glose:status'?: 'open' | 'resolved';
  /** Feedback only: the student the private feedback thread is for. */
  'glose:feedbackFor'?: string;
}
