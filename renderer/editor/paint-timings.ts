/**
 * Performance entries read by `npm run bench`, written after each change the painter applies:
 * the last paint (a `glose:painted` mark whose detail is the number of painted ranges, so a
 * benchmark sees when all of them are there), the first paint after opening an article
 * (`glose:article-painted`, to the next painted frame) and a kind's key press to its highlight
 * (`glose:keypress-to-highlight`, and `glose:keypress-to-frame`). Only the latest entries are
 * kept, so a long session does not pile them up.
 */
const has = (name: string, type = 'mark') => performance.getEntriesByName(name, type).length > 0;

export function recordPaint(size: number): void {
  performance.clearMarks('glose:painted');
  performance.mark('glose:painted', { detail: size });
  const opened = has('glose:article-open') && !has('glose:article-painted', 'measure');
  const pressed = has('glose:mark');
  if (pressed) {
    performance.clearMeasures('glose:keypress-to-highlight');
    performance.measure('glose:keypress-to-highlight', 'glose:mark');
  }
  if (!opened && !pressed) return;
  requestAnimationFrame(() =>
    setTimeout(() => {
      if (opened && !has('glose:article-painted', 'measure')) performance.measure('glose:article-painted', 'glose:article-open');
      if (pressed && has('glose:mark')) {
        performance.clearMeasures('glose:keypress-to-frame');
        performance.measure('glose:keypress-to-frame', 'glose:mark');
        performance.clearMarks('glose:mark');
      }
    }, 0),
  );
}
