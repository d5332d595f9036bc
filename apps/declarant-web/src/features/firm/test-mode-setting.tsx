// "Mode test" of "Paramètres du cabinet": a checkbox saved as soon as it changes.
import { useEffect, useRef, useState } from 'react';
import { getFirmSettings, saveFirmSettings } from '../../api/endpoints';
import { errorText, hasErrorCode } from '../../shared/errors';
import { adminOnlyMessage } from '../../shared/messages';
import { ErrorAlert, Notice } from '../../shared/alerts';
import { Loading } from '../../shared/page';

/** The explanation under the checkbox. */
export const testModeExplanation =
  'Les envois portent l’indicateur de test : le partenaire EDI et la DGFiP les traitent comme des essais.';

/** Reads the firm's settings, then saves each change of the checkbox (administrators). */
export function TestModeSetting() {
  const [testMode, setTestMode] = useState<boolean | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const inFlight = useRef(false);

  useEffect(() => {
    let active = true;
    getFirmSettings().then(
      (settings) => active && setTestMode(settings.testMode),
      (caught: unknown) => active && setError(errorText(caught)),
    );
    return () => {
      active = false;
    };
  }, []);

  async function change(next: boolean): Promise<void> {
    // The checkbox stays focusable while saving (a disabled one would lose the focus).
    if (inFlight.current) return;
    inFlight.current = true;
    setBusy(true);
    setNotice(null);
    setError(null);
    // The box follows the click at once, and goes back if the change is refused.
    setTestMode(next);
    try {
      const saved = await saveFirmSettings({ testMode: next });
      setTestMode(saved.testMode);
      setNotice(
        saved.testMode
          ? 'Mode test activé : les prochains envois seront des essais.'
          : 'Mode test désactivé : les prochains envois seront des déclarations réelles.',
      );
    } catch (caught) {
      setTestMode(!next);
      setError(hasErrorCode(caught, 'FORBIDDEN') ? adminOnlyMessage : errorText(caught));
    } finally {
      inFlight.current = false;
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby="cabinet-envois">
      <h2 id="cabinet-envois">Envois</h2>
      <Notice>{notice}</Notice>
      <ErrorAlert message={error} />
      {testMode === null ? (
        error === null && <Loading />
      ) : (
        <div className="checkbox-field">
          <input
            id="cabinet-mode-test"
            type="checkbox"
            checked={testMode}
            aria-busy={busy}
            aria-describedby="cabinet-mode-test-aide"
            onChange={(event) => void change(event.target.checked)}
          />
          <div>
            <label htmlFor="cabinet-mode-test">Mode test</label>
            <p id="cabinet-mode-test-aide" className="field-hint">
              {testModeExplanation}
            </p>
          </div>
        </div>
      )}
    </section>
  );
}
