// `CPI_DEMO_TENANT=1 npm start` runs a local fake tenant and names its
// service key file in CPI_SECURITY_DEMO_TENANT, so a person can try the
// Tenants view without an SAP account: the tenant is added once, as any
// other (its made-up secret goes to secret storage like a real one).
import * as vscode from 'vscode';
import { serviceKeyTarget } from './tenant-model';
import type { TenantSession } from './tenant-session';

export const DEMO_TENANT_VARIABLE = 'CPI_SECURITY_DEMO_TENANT';

export async function addDemoTenant(session: TenantSession, log: vscode.LogOutputChannel, env = process.env): Promise<void> {
  const file = env[DEMO_TENANT_VARIABLE];
  if (!file) return;
  let text: string;
  try {
    text = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.file(file)));
  } catch (error) {
    log.warn(`Demo tenant: cannot read the service key file ${file}`, error);
    return;
  }
  const target = serviceKeyTarget(text);
  if ('error' in target) return log.warn(`Demo tenant: ${target.error}`);
  if (session.list().some((tenant) => tenant.host === target.host)) return;
  const added = await session.add('Demo tenant', text);
  if ('error' in added) log.warn(`Demo tenant: ${added.error.message}`);
  else log.info(`Demo tenant added: ${target.host}`);
}
