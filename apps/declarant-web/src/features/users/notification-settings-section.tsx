// "Notifications" on "Compte utilisateur": an email to the sender when a declaration they sent
// is accepted or rejected; saved as soon as the box changes.
import { useEffect, useRef, useState } from 'react';
import { getNotificationSettings, saveNotificationSettings } from '../../api/sending-endpoints';
import { errorText } from '../../shared/errors';
import { ErrorAlert, Notice } from '../../shared/alerts';
import { Loading } from '../../shared/page';

/** Reads the user's setting, then saves each change of the checkbox. */
export function NotificationSettingsSection() {
  const [enabled, setEnabled] = useState<boolean | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const inFlight = useRef(false);

  useEffect(() => {
    let active = true;
    getNotificationSettings().then(
      (settings) => active && setEnabled(settings.sendingResults),
      (caught: unknown) => active && setError(errorText(caught)),
    );
    return () => {
      active = false;
    };
  }, []);

  async function change(next: boolean): Promise<void> {
    // The box stays focusable while saving (a disabled one would lose the focus).
    if (inFlight.current) return;
    inFlight.current = true;
    setBusy(true);
    setNotice(null);
    setError(null);
    setEnabled(next);
    try {
      const saved = await saveNotificationSettings({ sendingResults: next });
      setEnabled(saved.sendingResults);
      setNotice(
        saved.sendingResults
          ? 'Vous recevrez un email à chaque résultat de vos envois.'
          : 'Vous ne recevrez plus d’email pour les résultats de vos envois.',
      );
    } catch (caught) {
      setEnabled(!next);
      setError(errorText(caught));
    } finally {
      inFlight.current = false;
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby="compte-notifications">
      <h2 id="compte-notifications">Notifications</h2>
      <Notice>{notice}</Notice>
      <ErrorAlert message={error} />
      {enabled === null ? (
        error === null && <Loading />
      ) : (
        <div className="checkbox-field">
          <input
            id="compte-notification-resultats"
            type="checkbox"
            checked={enabled}
            aria-busy={busy}
            onChange={(event) => void change(event.target.checked)}
          />
          <label htmlFor="compte-notification-resultats">
            M’envoyer un email quand une déclaration que j’ai envoyée est acceptée ou rejetée
          </label>
        </div>
      )}
    </section>
  );
}
