import type { FeatureRoutes } from '@passerelle/server-kit';
import type { PartnerContext } from './context';
import type { PartnerCaller } from './sessions/sessions.service';

/**
 * What each feature's routes file receives from `buildPartnerApp`: the app, the context, and
 * `route` bound to API v1's authorization (the bearer token, see `sessions/api-authorize.ts`).
 */
export type PartnerRoutes = FeatureRoutes<PartnerContext, PartnerCaller>;
