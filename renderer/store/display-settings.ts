/**
 * The reader's display settings: the dyslexia-friendly face (OpenDyslexic) instead of the
 * bundled reading and interface fonts, and the article text size. Kept in localStorage and
 * applied to the document root (a `data-font` attribute and the `--text-scale` property that
 * styles.css reads), before the first paint and on every change.
 */
import { z } from 'zod';
import { readStored } from './stored';

const KEY = 'glose.display';

/** Article text sizes offered, as a factor of the default size. */
export const TEXT_SCALES = [0.9, 1, 1.15, 1.3, 1.5] as const;

const displaySchema = z.object({
  dyslexicFont: z.boolean(),
  textScale: z.number().refine((n) => (TEXT_SCALES as readonly number[]).includes(n)),
});

export type DisplaySettings = z.infer<typeof displaySchema>;

export const DEFAULT_DISPLAY: DisplaySettings = { dyslexicFont: false, textScale: 1 };

export function loadDisplay(): DisplaySettings {
  return readStored(KEY, displaySchema) ?? DEFAULT_DISPLAY;
}

export function applyDisplay(settings: DisplaySettings, root: HTMLElement = document.documentElement): void {
  if (settings.dyslexicFont) root.dataset.font = 'dyslexic';
  else delete root.dataset.font;
  root.style.setProperty('--text-scale', String(settings.textScale));
}

export function saveDisplay(settings: DisplaySettings): void {
  localStorage.setItem(KEY, JSON.stringify(displaySchema.parse(settings)));
  applyDisplay(settings);
}
