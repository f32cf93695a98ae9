import { SAP_PAGES } from '@cpi/common/knowledge/sap-pages';
import { json } from '@cpi/common/knowledge/samples';
import type { RuleExplanation } from '@cpi/common/knowledge/types';

export const explanation: RuleExplanation = {
  what: 'A certificate whose notAfter falls within the warning window (60 days unless `expiryWarningDays` says otherwise).',
  why:
    'Renewal takes time: a new key pair or certificate has to be signed, uploaded to the keystore and handed to every ' +
    'partner that trusts the old one. Starting late means an outage on the expiry date.',
  fix: 'Plan the renewal now; adjust the window with `expiryWarningDays` in `.cpisecurity.json` if 60 days does not fit.',
  before: json('{ "expiryWarningDays": 14 }'),
  after: json('{ "expiryWarningDays": 60 }'),
  sapPages: [SAP_PAGES.keyLifecycle, SAP_PAGES.managingKeystoreEntries],
};
