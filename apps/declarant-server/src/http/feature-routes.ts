import type { FeatureRoutes } from '@passerelle/server-kit';
import type { Caller, SessionGuard } from '../auth/session-guard';
import type { AppContext } from '../context';

/**
 * What each feature's routes file receives from `buildApp`: the app, the context, `route`
 * bound to the session guard's authorization, and the guard itself (for a route that must
 * check the caller before its body is read).
 */
export interface DeclarantRoutes extends FeatureRoutes<AppContext, Caller> {
  guard: SessionGuard;
}
