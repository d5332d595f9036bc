// "Désactiver": the confirmation (role="alertdialog") before a user loses access at once.
import type { User } from '@passerelle/contracts';
import { setUserStatus } from '../../api/endpoints';
import { fullName } from '../auth/session';
import { ConfirmDialog } from '../../shared/confirm-dialog';

interface DeactivateUserDialogProps {
  user: User;
  onCancel: () => void;
  onDeactivated: (user: User) => void;
}

/** "Désactiver le compte de … ?" with "Désactiver le compte" and "Annuler" (focused). */
export function DeactivateUserDialog({ user, onCancel, onDeactivated }: DeactivateUserDialogProps) {
  return (
    <ConfirmDialog
      idPrefix="desactivation-compte"
      title="Désactivation du compte"
      question={`Désactiver le compte de ${fullName(user)} ? Ses sessions ouvertes sont fermées aussitôt et cette personne ne pourra plus se connecter tant qu’un administrateur ne l’aura pas réactivée.`}
      confirmLabel="Désactiver le compte"
      onConfirm={async () => onDeactivated(await setUserStatus(user.id, 'inactive'))}
      onCancel={onCancel}
    />
  );
}
