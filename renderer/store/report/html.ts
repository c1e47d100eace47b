/**
 * HTML written safely for the saved reports: `html` is a tagged template that escapes every
 * value put into it (a student's note, a name, an article title are hostile input: `<script>`
 * comes out as text), except the pieces that are themselves `html` results. `dataImage` lets
 * only a PNG or SVG data URL into an `src`. No DOM: the report builders run in Node tests too.
 */

/** A piece of HTML built by `html` (already escaped). */
export class Html {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

type Value = Html | string | number | null | undefined | false | readonly Value[];

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

function piece(value: Value): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof Html) return value.text;
  if (Array.isArray(value)) return value.map(piece).join('');
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: Value[]): Html {
  return new Html(strings.reduce((out, s, i) => out + s + (i < values.length ? piece(values[i]!) : ''), ''));
}

const DATA_IMAGE = /^data:image\/(?:png|svg\+xml);base64,[A-Za-z0-9+/]+=*$/;

/** An `<img>` of a data URL, or nothing when `src` is not a base64 PNG or SVG data URL. */
export function dataImage(src: string | undefined, alt: string, className = ''): Html {
  if (!src || !DATA_IMAGE.test(src)) return html``;
  return html`<img class="${className}" src="${src}" alt="${alt}">`;
}
