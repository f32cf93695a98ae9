// The demo tenant of `CPI_DEMO_TENANT=1 npm start`: the examples/ artifacts
// in three packages, with a keystore, credentials and a certificate mapping
// chosen so the Tenants view has something to show: an expired certificate
// in use, a self-signed one, a credential a channel names that the tenant
// lacks, a self-signed inbound client certificate, a configure-only package.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FakeTenantFixture } from './fixture';

const USER_CREDENTIALS = [
  'BORDERLINE_AS2_USER',
  'HELPDESK_BROKER',
  'KESTREL_AR_SMTP',
  'KESTREL_CONFIRMATION_SMTP',
  'KESTREL_ERP_IDOC',
  'KESTREL_EVENT_BROKER',
  'KESTREL_NORDBANK_SFTP',
  'KESTREL_RELAY_SMTP',
  'KESTREL_RETURNS_MAILBOX',
  'KESTREL_SERVICE_MAILBOX',
  'PINECREST_SFTP_USER',
  'PRINTHOUSE_SFTP_USER',
];

const artifact = (examples: string, folder: string, name: string) => ({ id: folder, name, folder: join(examples, folder) });

export function demoFixture(examples: string): FakeTenantFixture {
  // PEM files as text, the .crt (DER) as bytes
  const pem = (path: string): string | Uint8Array =>
    path.endsWith('.pem')
      ? readFileSync(join(examples, 'certificates', path), 'utf8')
      : new Uint8Array(readFileSync(join(examples, 'certificates', path)));
  return {
    packages: [
      {
        id: 'KestrelFinance',
        name: 'Kestrel Finance',
        iflows: [
          artifact(examples, 'Kestrel_Bank_Statement_Import', 'Bank Statement Import'),
          artifact(examples, 'Kestrel_Legacy_Invoice_Dispatch', 'Legacy Invoice Dispatch'),
        ],
      },
      {
        id: 'KestrelLogistics',
        name: 'Kestrel Logistics',
        iflows: [
          artifact(examples, 'Kestrel_Carrier_Shipment_Exchange', 'Carrier Shipment Exchange'),
          artifact(examples, 'Kestrel_Supplier_Catalog_Sync', 'Supplier Catalog Sync'),
        ],
      },
      {
        id: 'KestrelSales',
        name: 'Kestrel Sales',
        iflows: [
          artifact(examples, 'Kestrel_Webshop_Order_Intake', 'Webshop Order Intake'),
          artifact(examples, 'Kestrel_Customer_Service_Mail', 'Customer Service Mail Routing'),
        ],
      },
      {
        id: 'PartnerContent',
        name: 'Partner Content (configure-only)',
        mode: 'CONFIGURE_ONLY',
        iflows: [artifact(examples, 'Kestrel_Webshop_Order_Intake', 'Partner Order Intake')],
      },
    ],
    keystore: [
      { alias: 'kestrel_nordbank_client', type: 'Key Pair', certificate: pem('outbound/old-carrier-api.pem') },
      { alias: 'kestrel_fastfreight_sftp', type: 'Key Pair', certificate: pem('outbound/erp-gateway-chain.pem') },
      { alias: 'kestrel_test_backend', certificate: pem('outbound/test-backend-selfsigned.crt') },
      { alias: 'kestrel_as2_signing', type: 'Key Pair', certificate: pem('message-level/invoice-signing.pem') },
      // borderline_customs_encryption, which Carrier Shipment Exchange uses, is missing
    ],
    // ARCHIVE_UPLOAD_USER, which Legacy Invoice Dispatch uses, is missing
    userCredentials: USER_CREDENTIALS.map((name) => ({ name, kind: 'default', user: name.toLowerCase() })),
    // a token URL in clear text: oauth-token-url-cleartext
    oauth2ClientCredentials: [{ name: 'TRAILGEAR_UNITS_OAUTH', tokenServiceUrl: 'http://auth.trailgear.example.com/oauth/token' }],
    secureParameters: ['KESTREL_PRICE_API_KEY'],
    certificateUserMappings: [{ user: 'POS_TERMINAL', certificate: pem('inbound/pos-terminal-selfsigned.pem') }],
  };
}
