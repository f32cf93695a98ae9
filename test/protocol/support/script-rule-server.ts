// The real language server from its TypeScript sources (run with tsx), with
// the test-only script rule of test/support/script-rule.ts: for testing how
// the editor analyses scripts before (and apart from) the shipped script rules.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from '../../../server/src/lsp/server';
import { addTestScriptRule } from '../../support/script-rule';

addTestScriptRule();
startServer(createConnection(ProposedFeatures.all));
