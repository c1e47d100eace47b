/**
 * The small-screen and zoom check (WCAG 1.4.10 Reflow): the page never scrolls sideways, and
 * every control a person can see can be brought into view and is not cut off. A control clipped
 * by a box that hides its overflow (which a person cannot scroll) fails even if a script could
 * scroll it; one in a box that scrolls (a wide table, a long list) is reached by scrolling that box.
 */
import { expect, type Page } from '@playwright/test';

const CONTROLS = 'a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]:not([tabindex="-1"]), [contenteditable=true]';

/**
 * Fails listing what sticks out: sideways scrolling of the page, and each control out of reach.
 * Asked again for up to 3 s: after a resize some views (the map's canvas) take a few frames to
 * lay out again, which no one reading the page would notice.
 */
export async function expectReflows(page: Page, view: string): Promise<void> {
  const measure = () => page.evaluate((selector) => {
    const out: string[] = [];
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth) out.push(`the page scrolls sideways by ${root.scrollWidth - root.clientWidth} px`);
    const label = (el: HTMLElement) => el.getAttribute('aria-label') ?? ((el as HTMLInputElement).labels?.[0] ?? el).textContent ?? '';
    const name = (el: HTMLElement) => `<${el.tagName.toLowerCase()}> “${label(el).trim().slice(0, 40)}”`;
    const where = (r: DOMRect) => `${Math.round(r.left)},${Math.round(r.top)} ${Math.round(r.width)}×${Math.round(r.height)}`;
    /** the nearest box that hides the control's overflow without letting a person scroll it */
    const clippedBy = (el: Element, r: DOMRect) => {
      for (let box = el.parentElement; box; box = box.parentElement) {
        const style = getComputedStyle(box);
        const b = box.getBoundingClientRect();
        const hides = (o: string) => o === 'hidden' || o === 'clip';
        if (hides(style.overflowX) && (r.left < b.left - 1 || r.right > b.right + 1)) return box;
        if (hides(style.overflowY) && (r.top < b.top - 1 || r.bottom > b.bottom + 1)) return box;
      }
      return null;
    };
    for (const el of document.querySelectorAll<HTMLElement>(selector)) {
      if (!el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) continue;
      let r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      const box = clippedBy(el, r);
      if (box) {
        out.push(`${name(el)} at ${where(r)} is cut off by <${box.tagName.toLowerCase()} class="${box.className}">`);
        continue;
      }
      el.scrollIntoView({ block: 'nearest', inline: 'nearest' });
      r = el.getBoundingClientRect();
      const fitsX = r.width > root.clientWidth || (r.left >= -1 && r.right <= root.clientWidth + 1);
      const seen = r.bottom > 0 && r.top < innerHeight;
      if (!fitsX || !seen) out.push(`${name(el)} at ${where(r)} cannot be brought into view`);
    }
    scrollTo(0, 0);
    return out;
  }, CONTROLS);
  await expect.poll(measure, { message: `${view}: cut off at ${page.viewportSize()?.width} px`, timeout: 3_000 }).toEqual([]);
}
