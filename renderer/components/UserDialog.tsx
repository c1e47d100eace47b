/** Asks the local user's name and colour, once at first start and whenever they want to change it. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Author } from '../../shared/model/record';
import { saveUser, USER_COLORS } from '../store/user';
import { ModalDialog } from './ModalDialog';

interface Props {
  user: Author | null;
  onSaved: (user: Author) => void;
  onCancel?: () => void;
}

export function UserDialog({ user, onSaved, onCancel }: Props) {
  const { t } = useTranslation();
  const [name, setName] = useState(user?.name ?? '');
  const [color, setColor] = useState(user?.color ?? USER_COLORS[0]!);
  const [error, setError] = useState('');
  return (
    <ModalDialog labelledBy="user-dialog-title" onClose={onCancel}>
      <form
        className="dialog"
        onSubmit={(e) => {
          e.preventDefault();
          if (!name.trim()) return setError(t('user.nameRequired'));
          onSaved(saveUser(name, color, user));
        }}
      >
        <h2 id="user-dialog-title">{t('user.title')}</h2>
        <p>{t('user.intro')}</p>
        <label>
          {t('user.name')}
          <input autoFocus value={name} maxLength={80} onChange={(e) => setName(e.target.value)} aria-invalid={error ? 'true' : undefined} aria-describedby="user-name-error" />
        </label>
        <p id="user-name-error" className="error" role="alert">{error}</p>
        <fieldset className="colors">
          <legend>{t('user.color')}</legend>
          {USER_COLORS.map((c) => (
            <label key={c} className="color-choice">
              <input type="radio" name="color" value={c} checked={c === color} onChange={() => setColor(c)} />
              <span className="color-dot" style={{ backgroundColor: c }} aria-hidden="true" />
              <span className="visually-hidden">{c}</span>
            </label>
          ))}
        </fieldset>
        <div className="row">
          <button type="submit" className="primary">{t('user.save')}</button>
          {onCancel && (
            <button type="button" onClick={onCancel}>
              {t('library.cancel')}
            </button>
          )}
        </div>
      </form>
    </ModalDialog>
  );
}
