import { partnerApi } from '@passerelle/contracts';
import type { PartnerRoutes } from '../api-routes';
import { reissueConfidentialCode } from '../subscription/subscription.service';
import { toAccountView } from './accounts.service';
import { changeAccountPassword, requestPasswordReset, resetPassword } from './passwords.service';
import { registerAccount } from './registration.service';
import { verifyEmail } from './verification.service';

const endpoints = partnerApi.accounts;

/**
 * API v1 accounts: registration and confirmation (for automation; people use the portal), the
 * current account, its code, and its password (change, and reset through an emailed link).
 */
export function registerAccountsRoutes({ route, ctx }: PartnerRoutes) {
  route(endpoints.register, async ({ body, request }) => registerAccount(ctx, body, request.ip));

  route(endpoints.verify, async ({ body, request }) => ({
    account: await toAccountView(ctx, await verifyEmail(ctx, body, request.ip)),
  }));

  route(endpoints.current, async ({ caller }) => ({
    account: await toAccountView(ctx, caller.account),
  }));

  route(endpoints.reissueCode, async ({ caller }) => reissueConfidentialCode(ctx, caller.account));

  route(endpoints.changePassword, async ({ caller, body, request }) => {
    await changeAccountPassword(ctx, caller, body, request.ip);
    return undefined;
  });

  route(endpoints.requestPasswordReset, async ({ body, request }) =>
    requestPasswordReset(ctx, body.email, request.ip),
  );

  route(endpoints.resetPassword, async ({ body }) => {
    await resetPassword(ctx, body);
    return undefined;
  });
}
