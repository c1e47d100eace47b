/**
 * `useT()`: the translation function and the interface language, for the components an
 * article's opening mounts, and those mounted by the hundred (the sidebar's items, their
 * discussions). react-i18next's `useTranslation` copies the whole i18next instance (its forty-odd
 * properties) for every component that mounts, ≈ 0.1 ms each: a 500-item sidebar made a thousand
 * copies. This reads the instance react-i18next provides (the page's, or a test's) and re-renders
 * when its language changes, as `useTranslation` does; the strings are the same `t`'s.
 */
import type { i18n, TFunction } from 'i18next';
import { useContext, useSyncExternalStore } from 'react';
import { getI18n, I18nContext } from 'react-i18next';

interface Bound {
  subscribe: (onChange: () => void) => () => void;
  language: () => string;
  /** one `t` per language, so that a language change gives components a new one (and only then) */
  fixed: Map<string, TFunction>;
}

const bound = new WeakMap<i18n, Bound>();

function bind(instance: i18n): Bound {
  let b = bound.get(instance);
  if (!b) {
    b = {
      subscribe: (onChange) => {
        instance.on('languageChanged', onChange);
        return () => instance.off('languageChanged', onChange);
      },
      language: () => instance.language,
      fixed: new Map(),
    };
    bound.set(instance, b);
  }
  return b;
}

export function useT(): { t: TFunction; language: string } {
  const instance = useContext(I18nContext)?.i18n ?? getI18n();
  const b = bind(instance);
  const language = useSyncExternalStore(b.subscribe, b.language, b.language);
  let t = b.fixed.get(language);
  if (!t) b.fixed.set(language, (t = instance.getFixedT(language)));
  return { t, language };
}
