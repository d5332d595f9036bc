// `/`: sends the user to their account, to sign-in, or to the first configuration.
import { useEffect } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { getSetupNeeded } from '../api/endpoints';
import { Loading } from '../shared/page';
import { useSession } from '../features/auth/session';

/** Redirects to /compte (signed in), /configuration (setup needed) or /connexion. */
export function HomePage() {
  const { user } = useSession();
  const navigate = useNavigate();
  const setup = useQuery({
    queryKey: ['setup-needed'],
    queryFn: getSetupNeeded,
    enabled: user === null,
  });
  // Once signed in, or once the answer (or its failure) is known.
  const to =
    user !== null
      ? '/compte'
      : setup.data === true
        ? '/configuration'
        : setup.data === false || setup.isError
          ? '/connexion'
          : null;
  useEffect(() => {
    if (to !== null) void navigate(to, { replace: true });
  }, [to, navigate]);
  return <Loading />;
}
