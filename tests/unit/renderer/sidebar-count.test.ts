/**
 * The sidebar's title gives the article's full count from its first render: a long list is built
 * a render later (deferred and time-sliced), and until then the count must not say "0".
 * Rendered with react-dom/server, whose render is that first one (a deferred value keeps its
 * initial value there).
 */
import i18next from 'i18next';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { AnnotationSidebar, type ItemActions } from '../../../renderer/components/AnnotationSidebar';
import { initI18n } from '../../../renderer/i18n/i18n';
import { createArticleState } from '../../../renderer/store/article-state';
import { DEFAULT_TAGSET } from '../../../shared/model/tagset';
import { layerWith, recordAt, TEXT } from './article-fixtures';

async function firstRender(language: 'en' | 'fr', withText = true): Promise<string> {
  const i18n = i18next.createInstance();
  await initI18n(i18n, language);
  const state = createArticleState('a1', 'ana');
  state.addLayer('ana', layerWith(recordAt('r1', 'ana', 'Le ministre'), recordAt('r2', 'ana', 'INSEE'), recordAt('r3', 'ana', 'le contraire')));
  if (withText) state.setText(TEXT);
  const actions = { canWrite: false } as unknown as ItemActions; // no item is drawn in the first render
  const sidebar = createElement(AnnotationSidebar, { state, tagset: DEFAULT_TAGSET, corpus: 'c1', actions, panel: null, markFeedback: new Map() });
  return renderToStaticMarkup(createElement(I18nextProvider, { i18n }, sidebar));
}

describe('the sidebar’s count while its list is being built', () => {
  it('says the article’s count at once, with the list marked busy', async () => {
    const en = await firstRender('en');
    expect(en).toContain('<span class="count">3 annotations</span>');
    expect(en).toContain('aria-busy="true"');
    expect(en).not.toContain('<li'); // the list itself comes a render later
    expect(await firstRender('fr')).toContain('<span class="count">3 annotations</span>');
  });

  it('says no count before the annotations are placed, rather than a wrong one', async () => {
    const markup = await firstRender('en', false);
    expect(markup).toContain('Annotations');
    expect(markup).not.toContain('class="count"');
  });
});
