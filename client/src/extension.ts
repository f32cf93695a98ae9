import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath('server/out/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'cpi-iflow' },
      { scheme: 'file', language: 'cpi-parameters' },
      { scheme: 'file', pattern: '**/.cpisecurity.json' },
    ],
    synchronize: {
      configurationSection: 'cpiSecurity',
      fileEvents: vscode.workspace.createFileSystemWatcher('**/{*.iflw,parameters.prop,.cpisecurity.json}'),
    },
  };
  client = new LanguageClient('cpiSecurity', 'CPI Security Lint', serverOptions, clientOptions);
  context.subscriptions.push(
    vscode.commands.registerCommand('cpiSecurity.restartServer', async () => {
      await client?.restart();
    }),
  );
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
