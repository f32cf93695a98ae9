// The real language server from its TypeScript sources (run with tsx), with
// one extra channel rule that always throws: for testing that a defect in a
// rule costs only that rule's findings. The rule goes first, so every real
// rule runs after it.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { CHANNEL_RULES } from '../../../server/src/core/rules/registry';
import type { ChannelRule } from '../../../server/src/core/rules/rule';
import { startServer } from '../../../server/src/lsp/server';

/** Also in crashing-rule.test.ts, which must not import this file (it starts a server). */
const CRASHING_RULE_ID = 'test-crashing-rule';

(CHANNEL_RULES as ChannelRule[]).unshift({
  meta: {
    id: CRASHING_RULE_ID,
    title: 'Always throws',
    section: 'network',
    defaultSeverity: 'error',
    helpUrl: 'https://example.com/',
    faq: [],
  },
  check() {
    throw new Error('deliberate crash inside a rule');
  },
});

startServer(createConnection(ProposedFeatures.all));
