import { SAP_PAGES } from '@cpi/common/knowledge/sap-pages';
import { iflw } from '@cpi/common/knowledge/samples';
import type { RuleExplanation } from '@cpi/common/knowledge/types';

export const explanation: RuleExplanation = {
  what: 'A role-based sender channel whose user role is the generic `ESBMessaging.send`.',
  why:
    'Every user that holds the generic role may call every integration flow that accepts it. SAP advises a custom role ' +
    'for inbound communication so that a caller can reach only its own interfaces.',
  fix: 'Define a custom role for this interface, assign it only to the calling technical user, and enter it as User Role.',
  before: iflw(['senderAuthType', 'RoleBased'], ['userRole', 'ESBMessaging.send']),
  after: iflw(['senderAuthType', 'RoleBased'], ['userRole', 'Orders.Inbound.Send']),
  sapPages: [SAP_PAGES.useSecureAuthentication, SAP_PAGES.persona],
};
