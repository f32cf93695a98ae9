import { SAP_PAGES } from '@cpi/common/knowledge/sap-pages';
import { json } from '@cpi/common/knowledge/samples';
import type { RuleExplanation } from '@cpi/common/knowledge/types';

export const explanation: RuleExplanation = {
  what:
    'When scanning a tenant: a channel uses a keystore alias whose certificate has expired (an error) or expires within ' +
    'the warning window (60 days unless `expiryWarningDays` says otherwise). The finding sits on the channel setting ' +
    'that names the alias.',
  why:
    "The keystore's own expiry finding says what expires; this one says which integrations break with it, so the " +
    'renewal can be planned with their owners and partners (who may have to trust the new certificate).',
  fix: 'Renew the key or certificate under the same alias and, where a partner checks it, send them the new certificate in time.',
  before: json('{ "expiryWarningDays": 14 }'),
  after: json('{ "expiryWarningDays": 60 }'),
  sapPages: [SAP_PAGES.keyLifecycle, SAP_PAGES.managingKeystoreEntries],
};
