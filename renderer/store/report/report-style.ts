/**
 * The saved report's stylesheet, inlined in the document (no file beside it): plain, printable
 * and scoped under `.glose-report`, so the app's report page can show the same body with the
 * same rules. In print each article and the map start a new page, tables keep their rows whole and
 * images fit the page. The report names no font file: it reads the same on any machine.
 */
export const REPORT_CSS = `
.glose-report { font-family: system-ui, sans-serif; color: #1a1a1a; background: #ffffff; line-height: 1.45; max-width: 60rem; margin: 0 auto; padding: 1rem; }
.glose-report h1 { font-size: 1.7rem; margin: 0 0 .3rem; }
.glose-report h2 { font-size: 1.35rem; margin: 1.6rem 0 .4rem; border-bottom: 2px solid #1a1a1a; }
.glose-report h3 { font-size: 1.1rem; margin: 1.1rem 0 .3rem; }
.glose-report .meta { color: #444444; margin: 0 0 .8rem; }
.glose-report table { border-collapse: collapse; width: 100%; margin: .4rem 0 .8rem; font-size: .92rem; }
.glose-report caption { text-align: left; font-weight: bold; padding: .2rem 0; }
.glose-report th, .glose-report td { border: 1px solid #999999; padding: .25rem .45rem; text-align: left; vertical-align: top; }
.glose-report thead th { background: #eeeeee; }
.glose-report td.number { text-align: right; font-variant-numeric: tabular-nums; }
.glose-report img { max-width: 100%; height: auto; border: 1px solid #cccccc; }
.glose-report blockquote { margin: .3rem 0 .6rem; padding: .3rem .8rem; border-left: 4px solid #d55e00; background: #fbf4ef; }
.glose-report .note { white-space: pre-wrap; overflow-wrap: anywhere; }
.glose-report .empty { font-style: italic; color: #444444; }
.glose-report ul.inline { padding-left: 1.2rem; margin: .2rem 0; }
@page { margin: 15mm; }
@media print {
  .glose-report { max-width: none; padding: 0; font-size: 11pt; }
  .glose-report table { font-size: 9pt; }
  .glose-report th, .glose-report td { padding: .15rem .3rem; }
  .glose-report > section.new-page { break-before: page; }
  .glose-report tr, .glose-report img, .glose-report blockquote { break-inside: avoid; }
  .glose-report h2, .glose-report h3 { break-after: avoid; }
}
`;
