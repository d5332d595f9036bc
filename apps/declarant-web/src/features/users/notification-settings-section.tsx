// "Notifications" on "Compte utilisateur": an email to the sender when a declaration they sent
// is accepted or rejected; saved as soon as the box changes.
import { getNotificationSettings, saveNotificationSettings } from '../../api/sending-endpoints';
import { SavedCheckbox } from '../../shared/saved-checkbox';

/** Reads the user's setting, then saves each change of the checkbox. */
export function NotificationSettingsSection() {
  return (
    <SavedCheckbox
      title="Notifications"
      titleId="compte-notifications"
      id="compte-notification-resultats"
      label="M’envoyer un email quand une déclaration que j’ai envoyée est acceptée ou rejetée"
      queryKey={['notification-settings']}
      load={async () => (await getNotificationSettings()).sendingResults}
      save={async (sendingResults) =>
        (await saveNotificationSettings({ sendingResults })).sendingResults
      }
      savedNotice={(sendingResults) =>
        sendingResults
          ? 'Vous recevrez un email à chaque résultat de vos envois.'
          : 'Vous ne recevrez plus d’email pour les résultats de vos envois.'
      }
    />
  );
}
