import { callIndex } from '../../script/call-index';
import { describeSink, logSink } from '../../script/log-sinks';
import { ANY_SECRET, describeOrigin, secretFlow } from '../../script/secrets-flow';
import { spanOffsets } from '../../script/span';
import type { RuleChecks } from '../rule';

export const checks: RuleChecks = {
  script: {
    check(script, report) {
      const code = script.code;
      const flow = secretFlow(script);
      if (flow.empty) return;
      for (const call of callIndex(code, script.language).all) {
        const sink = logSink(call);
        if (!sink) continue;
        for (const value of sink.values) {
          const origin = flow.originIn(code, value, ANY_SECRET, call.name);
          if (!origin) continue;
          const where =
            sink.kind === 'body'
              ? 'where every later step, trace and receiver sees it'
              : 'where everyone who can monitor messages or read the logs sees it';
          report({
            at: spanOffsets(code, value),
            message: `The ${describeOrigin(origin)} is written to ${describeSink(sink)}, ${where}. Leave secrets out of logs and payloads.`,
          });
        }
      }
    },
  },
};
