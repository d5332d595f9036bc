// `/cabinet` (administrators): "Paramètres du cabinet".
import { FirmSiretSetting } from './firm-siret-setting';
import { Page } from '../../shared/page';
import { Link } from 'react-router';
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
      <section className="card" aria-labelledby="campagnes-titre">
        <h2 id="campagnes-titre">Campagnes</h2>
        <p>
          Les tables de la DGFiP de chaque campagne, et les exercices qu’elles couvrent. Installez
          ici celles d’une nouvelle campagne.
        </p>
        <p>
          <Link to="/cabinet/campagnes">Campagnes</Link>
        </p>
      </section>
    </Page>
  );
}
