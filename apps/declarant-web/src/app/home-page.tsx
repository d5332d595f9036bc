// `/`: sends the user to their account, to sign-in, or to the first configuration.
import { useEffect } from 'react';
import { getSetupNeeded } from '../api/endpoints';
import { Loading } from '../shared/page';
import { navigate } from '../shared/router';
import { useSession } from '../features/auth/session';

/** Redirects to /compte (signed in), /configuration (setup needed) or /connexion. */
export function HomePage() {
  const { user } = useSession();
  useEffect(() => {
    if (user !== null) {
      navigate('/compte', { replace: true });
      return;
    }
    let active = true;
    getSetupNeeded().then(
      (needed) => active && navigate(needed ? '/configuration' : '/connexion', { replace: true }),
      () => active && navigate('/connexion', { replace: true }),
    );
    return () => {
      active = false;
    };
  }, [user]);
  return <Loading />;
}
