import { callIndex } from '../../script/call-index';
import { describeSink, messageWrite } from '../../script/log-sinks';
import { describeOrigin, secretFlow, STORE_SECRET } from '../../script/secrets-flow';
import { spanOffsets } from '../../script/span';
import type { RuleChecks } from '../rule';

export const checks: RuleChecks = {
  script: {
    check(script, report) {
      const code = script.code;
      const flow = secretFlow(script);
      if (flow.empty) return;
      for (const call of callIndex(code, script.language).all) {
        const sink = messageWrite(code, call);
        if (!sink) continue;
        for (const value of sink.values) {
          const origin = flow.originIn(code, value, STORE_SECRET, call.name);
          if (!origin) continue;
          report({
            at: spanOffsets(code, value),
            message:
              `The ${describeOrigin(origin)} from the secure store is stored in ${describeSink(sink)}, where tracing shows it in clear text. ` +
              'Let the receiver channel authenticate with the credential instead of building the header in a script.',
          });
        }
      }
    },
  },
};
