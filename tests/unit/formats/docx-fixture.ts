/**
 * A minimal Word document (.docx) built in memory, for import tests: a heading, paragraphs
 * (with bold runs, accents and emoji) and a list item, in the parts a reader needs
 * (content types, package relationships, the main document).
 */
import { strToU8, zipSync } from 'fflate';

const escape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/** `paragraphs[i]` is one paragraph; a leading `# ` makes it a Heading 1, `**x**` a bold run. */
export function docx(paragraphs: string[]): Uint8Array {
  const body = paragraphs
    .map((p) => {
      const heading = p.startsWith('# ');
      const runs = (heading ? p.slice(2) : p)
        .split(/(\*\*[^*]+\*\*)/)
        .filter(Boolean)
        .map((r) => (r.startsWith('**') ? `<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">${escape(r.slice(2, -2))}</w:t></w:r>` : `<w:r><w:t xml:space="preserve">${escape(r)}</w:t></w:r>`))
        .join('');
      return `<w:p>${heading ? '<w:pPr><w:pStyle w:val="Heading1"/></w:pPr>' : ''}${runs}</w:p>`;
    })
    .join('');
  return zipSync({
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    'word/document.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W}"><w:body>${body}</w:body></w:document>`),
  });
}
