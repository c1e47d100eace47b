/**
 * The app shell: top bar (name, user, language), the first-start question of who is
 * annotating, and the two views, library and article, addressed by the URL hash so a reload
 * returns to the same place.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Author } from '../../shared/model/record';
import { setLanguage, LANGUAGES, type Language } from '../i18n/i18n';
import { LOCAL_CORPUS } from '../store/sample-corpus';
import { useRoute } from '../store/route';
import { loadUser } from '../store/user';
import { ArticleView } from './ArticleView';
import { Library } from './Library';
import { UserDialog } from './UserDialog';

export function App() {
  const { t, i18n } = useTranslation();
  const [user, setUser] = useState<Author | null>(loadUser);
  const [editingUser, setEditingUser] = useState(false);
  const [route, go] = useRoute();

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
      {user && route.view === 'article' ? (
        <ArticleView key={route.id} corpus={LOCAL_CORPUS} articleId={route.id} user={user} onBack={() => go({ view: 'library' })} />
      ) : (
        <Library corpus={LOCAL_CORPUS} onOpen={(id) => go({ view: 'article', id })} />
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
