// "Mode test" of "Paramètres du cabinet": a checkbox saved as soon as it changes.
import { getFirmSettings, saveFirmSettings } from '../../api/endpoints';
import { errorText, hasErrorCode } from '../../shared/errors';
import { adminOnlyMessage } from '../../shared/messages';
import { SavedCheckbox } from '../../shared/saved-checkbox';

/** The explanation under the checkbox. */
export const testModeExplanation =
  'Les envois portent l’indicateur de test : le partenaire EDI et la DGFiP les traitent comme des essais.';

/** Reads the firm's settings, then saves each change of the checkbox (administrators). */
export function TestModeSetting() {
  return (
    <SavedCheckbox
      title="Envois"
      titleId="cabinet-envois"
      id="cabinet-mode-test"
      label="Mode test"
      hint={testModeExplanation}
      queryKey={['firm-settings', 'test-mode']}
      load={async () => (await getFirmSettings()).testMode}
      save={async (testMode) => (await saveFirmSettings({ testMode })).testMode}
      savedNotice={(testMode) =>
        testMode
          ? 'Mode test activé : les prochains envois seront des essais.'
          : 'Mode test désactivé : les prochains envois seront des déclarations réelles.'
      }
      describeError={(caught) =>
        hasErrorCode(caught, 'FORBIDDEN') ? adminOnlyMessage : errorText(caught)
      }
    />
  );
}
