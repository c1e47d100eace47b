/**
 * The app shell: top bar (name, user, language), the first-start question of who is
 * annotating, and the two views, library and article, addressed by the URL hash so a reload
 * returns to the same place.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Author } from '../../shared/model/record';
import { setLanguage, LANGUAGES, type Language } from '../i18n/i18n';
import { LOCAL_CORPUS } from '../store/sample-corpus';
import { loadUser } from '../store/user';
import { ArticleView } from './ArticleView';
import { Library } from './Library';
import { UserDialog } from './UserDialog';

function articleFromHash(): string | null {
  const match = /^#\/article\/([A-Za-z0-9_-]+)$/.exec(location.hash);
  return match ? match[1]! : null;
}

export function App() {
  const { t, i18n } = useTranslation();
  const [user, setUser] = useState<Author | null>(loadUser);
  const [editingUser, setEditingUser] = useState(false);
  const [articleId, setArticleId] = useState<string | null>(articleFromHash);
  useEffect(() => {
    const onHash = () => setArticleId(articleFromHash());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  const open = (id: string | null) => {
    location.hash = id ? `#/article/${id}` : '#/';
  };

  return (
    <div className="app">
      <header className="topbar">
        <a href="#/" className="brand">
          {t('app.name')}
        </a>
        <div className="topbar-tools">
          {user && (
            <button type="button" className="user-chip" onClick={() => setEditingUser(true)} title={t('user.edit')} aria-label={`${user.name} — ${t('user.edit')}`}>
              <span className="color-dot" style={{ backgroundColor: user.color }} aria-hidden="true" />
              {user.name}
            </button>
          )}
          <label className="language-switch">
            <span className="visually-hidden">{t('language.label')}</span>
            <select value={i18n.language} onChange={(e) => setLanguage(e.target.value as Language)} aria-label={t('language.label')}>
              {LANGUAGES.map((l) => (
                <option key={l} value={l}>
                  {t(`language.${l}`)}
                </option>
              ))}
            </select>
          </label>
        </div>
      </header>
      {user && articleId ? (
        <ArticleView key={articleId} corpus={LOCAL_CORPUS} articleId={articleId} user={user} onBack={() => open(null)} />
      ) : (
        <Library corpus={LOCAL_CORPUS} onOpen={open} />
      )}
      {(!user || editingUser) && (
        <UserDialog
          user={user}
          onSaved={(u) => {
            setUser(u);
            setEditingUser(false);
          }}
          onCancel={user ? () => setEditingUser(false) : undefined}
        />
      )}
    </div>
  );
}
