import { describeSink, MESSAGE_WRITE_METHODS, messageWrite } from '../../script/log-sinks';
import { describeOrigin, secretsInSinks, STORE_SECRET } from '../../script/secrets-flow';
import { spanOffsets } from '../../script/span';
import type { RuleChecks } from '../rule';

export const checks: RuleChecks = {
  script: {
    check(script, report) {
      for (const { sink, value, origin } of secretsInSinks(script, STORE_SECRET, MESSAGE_WRITE_METHODS, messageWrite)) {
        report({
          at: spanOffsets(script.code, value),
          message:
            `The ${describeOrigin(origin)} from the secure store is stored in ${describeSink(sink)}, where tracing shows it in clear text. ` +
            'Let the receiver channel authenticate with the credential instead of building the header in a script.',
        });
      }
    },
  },
};
