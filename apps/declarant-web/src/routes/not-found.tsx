// Any unknown path.
import { Page } from '../components/page';
import { Link } from '../router';

/** "Page introuvable" with a way back. */
export function NotFoundPage() {
  return (
    <Page title="Page introuvable">
      <p>Cette page n&apos;existe pas.</p>
      <p>
        <Link to="/">Retour à l&apos;accueil</Link>
      </p>
    </Page>
  );
}
