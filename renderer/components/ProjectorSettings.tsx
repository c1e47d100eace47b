/**
 * The teacher's projector switches, in the class panel: show students' names on the projector
 * (off unless turned on; the server strips names from the projector's presence otherwise) and
 * "follow me" (the projector opens the teacher's article and follows their place in it).
 */
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { readSetting, writeSetting, type ClassSetting } from '../../shared/model/class-settings';
import { useDocValue } from '../store/use-doc';

export function ProjectorSettings({ corpusDoc }: { corpusDoc: Y.Doc }) {
  const { t } = useTranslation();
  const names = useDocValue(corpusDoc, (d) => readSetting(d, 'projectorNames')) ?? false;
  const follow = useDocValue(corpusDoc, (d) => readSetting(d, 'follow')) ?? false;
  const toggle = (setting: ClassSetting, label: string, on: boolean) => (
    <label className="blind-toggle">
      <input type="checkbox" checked={on} onChange={(e) => writeSetting(corpusDoc, setting, e.target.checked)} />
      <span>{label}</span>
    </label>
  );
  return (
    <section className="projector-settings" aria-labelledby="projector-settings-title">
      <h2 id="projector-settings-title">{t('projector.settings')}</h2>
      <p className="muted">{t('projector.settingsHelp')}</p>
      {toggle('follow', t('projector.follow'), follow)}
      {toggle('projectorNames', t('projector.showNames'), names)}
    </section>
  );
}
