// A service key as the BTP cockpit gives one out (made-up values), for the
// client's tests of reading, pasting and pointing at a tenant.

export const SAMPLE_TENANT_HOST = 'my-tenant.it-cpi018.cfapps.eu10.hana.ondemand.com';

export const SAMPLE_SERVICE_KEY = {
  oauth: {
    clientid: 'sb-1234!b5678|it!b9',
    clientsecret: 's3cr3t$value',
    url: `https://${SAMPLE_TENANT_HOST}`,
    tokenurl: 'https://my-tenant.authentication.eu10.hana.ondemand.com/oauth/token',
    createdate: '2026-11-30T10:00:00Z',
  },
};
