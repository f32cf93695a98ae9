import type { IflowCheck, RuleChecks } from '../rule';
import { channelLabel } from '../support/channel-facts';

// HTTP receivers list headers per direction (OData receivers under older
// key names); the flow's runtime configuration has one list.
const HEADER_LIST_KEYS = new Set([
  'allowedRequestHeaders',
  'allowedResponseHeaders',
  'whitelistRequestHeaders',
  'whitelistResponseHeaders',
  'allowedHeaderList',
]);
const RESPONSE_KEYS = new Set(['allowedResponseHeaders', 'whitelistResponseHeaders']);

/**
 * The lists are `|`-separated header names or patterns (`SAP_.*` appears in
 * real flows); an entry `*` or `.*` lets every header through. Returns that entry.
 */
function matchAllEntry(list: string): string | undefined {
  return list
    .split('|')
    .map((entry) => entry.trim())
    .find((entry) => entry === '*' || entry === '.*');
}

const iflowCheck: IflowCheck = {
  channelByChannel: true,
  checkIflow(iflow, report) {
    const check = (key: string, value: ReturnType<typeof iflow.resolve>, where: string) => {
      const entry = value?.known ? matchAllEntry(value.text) : undefined;
      if (!value || entry === undefined) return;
      const direction = RESPONSE_KEYS.has(key) ? 'response' : 'request';
      report({
        on: value,
        message: `${where} lets every ${direction} header through ("${entry}" in ${key}), including headers that carry credentials or steer processing (Authorization, Cookie, SAP_ headers). List only the headers the flow needs.`,
      });
    };
    for (const channel of iflow.channels) {
      for (const key of HEADER_LIST_KEYS) {
        if (channel.property(key)) check(key, channel.resolved(key), `The ${channelLabel(channel)}`);
      }
    }
    for (const property of iflow.otherProperties) {
      if (HEADER_LIST_KEYS.has(property.key)) check(property.key, iflow.resolve(property), "The integration flow's runtime configuration");
    }
  },
};

export const checks: RuleChecks = { iflow: iflowCheck };
