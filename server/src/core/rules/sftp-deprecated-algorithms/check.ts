import type { ChannelCheck, RuleChecks } from '../rule';
import { channelLabel } from '../support/channel-facts';
import { booleanLike, isOn, setValue } from '../support/fixes';

const channelCheck: ChannelCheck = {
  check(channel, report) {
    if (!channel.isSftp) return;
    const setting = channel.resolved('allowDeprecatedAlgorithms');
    if (!setting?.known || !isOn(setting.text)) return;
    report({
      on: setting,
      message: `The ${channelLabel(channel)} allows deprecated SSH algorithms, which weakens the connection to whatever the server still offers. Turn it off once the server supports current algorithms.`,
      fixes: [setValue(setting, booleanLike(setting.text, false), 'Disallow deprecated algorithms')],
    });
  },
};

export const checks: RuleChecks = { channel: channelCheck };
