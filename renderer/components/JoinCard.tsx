/**
 * The join card: what students need to join, on the whole screen, for the teacher to put up on
 * the classroom projector at the start of a lesson — the class's name, the address to open, the
 * code in type read from the back of the room, and the link's QR code. Nothing else (not the
 * projector's code, not the roster). Escape or the button closes it and puts focus back on the button that opened it.
 */
import { useTranslation } from 'react-i18next';
import { ModalDialog } from './ModalDialog';

interface Props {
  title: string;
  address: string;
  code: string;
  link: string;
  qr: string;
  onClose: () => void;
}

/** The address as a student types it: without `http://` (a browser adds it), nor a trailing slash. */
const typed = (address: string) => address.replace(/^http:\/\//, '').replace(/\/$/, '');

export function JoinCard({ title, address, code, link, qr, onClose }: Props) {
  const { t } = useTranslation();
  return (
    <ModalDialog labelledBy="join-card-title" onClose={onClose}>
      <div className="join-card">
        <h2 id="join-card-title">{t('session.joinNamed', { title })}</h2>
        <ol>
          <li>
            {t('session.cardOpen')} <strong className="join-card-address">{typed(address)}</strong>
          </li>
          <li>
            {t('session.cardType')} <strong className="join-card-code">{code}</strong>
          </li>
        </ol>
        {qr && <img className="join-card-qr" src={qr} alt={t('session.qrAlt', { link })} />}
        <button type="button" onClick={onClose}>
          {t('session.cardClose')}
        </button>
      </div>
    </ModalDialog>
  );
}
