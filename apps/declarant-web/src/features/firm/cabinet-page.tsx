// `/cabinet` (administrators): "Paramètres du cabinet".
import { FirmSiretSetting } from './firm-siret-setting';
import { Page } from '../../shared/page';
import { TestModeSetting } from './test-mode-setting';
import { useCurrentUser } from '../auth/session';

/** The firm's name and its settings (SIRET, "Mode test"). */
export function CabinetPage() {
  const user = useCurrentUser();
  return (
    <Page title="Paramètres du cabinet">
      <dl className="details">
        <dt>Cabinet</dt>
        <dd>{user.firm.name}</dd>
      </dl>
      <FirmSiretSetting />
      <TestModeSetting />
    </Page>
  );
}
