import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';

// Transport (--stdio, --node-ipc, --socket=) is chosen from the command line by vscode-languageserver.
startServer(createConnection(ProposedFeatures.all));
