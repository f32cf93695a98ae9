import { SAP_PAGES } from '@cpi/common/knowledge/sap-pages';
import { iflw } from '@cpi/common/knowledge/samples';
import type { RuleExplanation } from '@cpi/common/knowledge/types';

export const explanation: RuleExplanation = {
  what: 'An AMQP channel on the Internet with `connectWithTLS` = `false`.',
  why: 'The broker connection, including credentials and message bodies, then crosses the Internet unencrypted.',
  fix: 'Set `connectWithTLS` to `true`; brokers usually accept AMQP over TLS on port 5671.',
  before: iflw(['host', 'broker.example.com'], ['port', '5672'], ['connectWithTLS', 'false']),
  after: iflw(['host', 'broker.example.com'], ['port', '5671'], ['connectWithTLS', 'true']),
  sapPages: [SAP_PAGES.useSecureProtocols, SAP_PAGES.amqpReceiver],
};
