import { callSites } from '../../script/calls';
import { describeSink, logSink } from '../../script/log-sinks';
import { ANY_SECRET, describeOrigin, secretFlow } from '../../script/secrets-flow';
import { spanOffsets } from '../../script/span';
import type { RuleChecks } from '../rule';

export const checks: RuleChecks = {
  script: {
    check(script, report) {
      const code = script.code;
      let flow: ReturnType<typeof secretFlow> | undefined;
      for (const call of callSites(code, script.language)) {
        const sink = logSink(call);
        if (!sink) continue;
        flow ??= secretFlow(script);
        for (const value of sink.values) {
          const origin = flow.originIn(code, value, ANY_SECRET, call.name);
          if (!origin) continue;
          const where = sink.kind === 'body' ? 'where every later step, trace and receiver sees it' : 'where everyone who can monitor messages or read the logs sees it';
          report({
            at: spanOffsets(code, value),
            message: `The ${describeOrigin(origin)} is written to ${describeSink(sink)}, ${where}. Leave secrets out of logs and payloads.`,
          });
        }
      }
    },
  },
};
