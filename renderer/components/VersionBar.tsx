/**
 * Under an article's title, when it has versions: which version this is, links to the others and
 * to what changed, and — on a newer version — the user's marks carried from the one before
 * (carried here, by the user's own app, into the user's own layer: store/version-carry.ts); the
 * teacher's app (or a user's outside a class) carries the gold layer too.
 */
import { useT } from '../i18n/use-t';
import { GOLD_OWNER } from '../../shared/model/doc-names';
import { versionNumber } from '../../shared/versions/version-plan';
import { currentRole } from '../store/sync';
import { useFamily } from '../store/use-family';
import { useVersionCarry } from '../store/version-carry';
import { CarriedMarks } from './CarriedMarks';
import { VersionLinks } from './VersionLinks';

interface Props {
  corpus: string;
  articleId: string;
  me: string;
  /** false for observers: they carry nothing */
  canWrite: boolean;
  onGoTo: (id: string) => void;
}

export function VersionBar({ corpus, articleId, me, canWrite, onGoTo }: Props) {
  const { t } = useT();
  const family = useFamily(corpus, articleId);
  useVersionCarry(corpus, family?.articles, articleId, me, canWrite);
  const curates = currentRole() === null || currentRole() === 'teacher';
  useVersionCarry(corpus, family?.articles, articleId, GOLD_OWNER, canWrite && curates);
  if (!family?.article || family.versions.length < 2) return null;
  return (
    <div className="version-bar">
      <p className="version-of">{t('versions.versionOf', { version: versionNumber(family.article), count: family.versions.length })}</p>
      <VersionLinks versions={family.versions} current={articleId} />
      {family.previous && canWrite && <CarriedMarks corpus={corpus} articleId={articleId} previous={family.previous} me={me} onGoTo={onGoTo} />}
    </div>
  );
}
