// A failed tenant request as the editor shows it: the engine's message
// followed by what the user can do next. The engine's own errors hold no
// secret; any other error may quote anything, so every message passes through
// the tenant client's redactor before it leaves the server.
import type { TenantFailure } from '@cpi/common/tenant-protocol';
import { CONTENT_ROLE, MONITORING_ROLE } from '../../engine/tenant/client';
import { isTenantError } from '../../engine/tenant/errors';

const ROLE_PURPOSE: Record<string, string> = {
  [CONTENT_ROLE]: 'integration packages and their content',
  [MONITORING_ROLE]: 'keystore, credentials and certificate mappings',
};

/** `redact`: the tenant client's (TenantClient.redact); before a client exists, the identity. */
export function tenantFailure(error: unknown, redact: (text: string) => string): TenantFailure {
  if (!isTenantError(error)) {
    return {
      kind: 'internal',
      message: redact(`Unexpected error talking to the tenant: ${error instanceof Error ? error.message : String(error)}`),
    };
  }
  const next = nextStep(error.kind, error.role);
  const message = redact(error.message);
  return { kind: error.kind, message: next ? `${message} ${next}` : message, ...(error.role ? { role: error.role } : {}) };
}

function nextStep(kind: string, role: string | undefined): string | undefined {
  switch (kind) {
    case 'service-key':
      return 'Next: paste the whole service key JSON of a Process Integration Runtime instance (plan api) as the BTP cockpit shows it, or pick its file.';
    case 'auth':
      return 'Next: the client id or secret is wrong or was revoked; create a new service key for the instance and add the tenant again.';
    case 'forbidden':
      return role
        ? `Next: give the service instance the role ${role} (needed to read ${ROLE_PURPOSE[role] ?? 'this content'}), then create a new service key and add the tenant again.`
        : 'Next: check the roles of the service instance (WorkspacePackagesRead, MonitoringDataRead), then create a new service key.';
    case 'network':
    case 'timeout':
      return 'Next: check the tenant URL in the service key, your network and proxy settings (HTTPS_PROXY, NO_PROXY), and that the tenant is up.';
    case 'rate-limited':
    case 'server':
      return 'Next: try again in a few minutes.';
    default:
      return undefined;
  }
}

export function unknownTenant(host: string): TenantFailure {
  return {
    kind: 'unknown-tenant',
    message: `No tenant ${host} is connected in this session. Next: add the tenant again from the Tenants view.`,
  };
}
