import { describeSink, LOG_SINK_METHODS, logSink } from '../../script/log-sinks';
import { ANY_SECRET, describeOrigin, secretsInSinks } from '../../script/secrets-flow';
import { spanOffsets } from '../../script/span';
import type { RuleChecks } from '../rule';

export const checks: RuleChecks = {
  script: {
    check(script, report) {
      for (const { sink, value, origin } of secretsInSinks(script, ANY_SECRET, LOG_SINK_METHODS, (_code, call) => logSink(call))) {
        const where =
          sink.kind === 'body'
            ? 'where every later step, trace and receiver sees it'
            : 'where everyone who can monitor messages or read the logs sees it';
        report({
          at: spanOffsets(script.code, value),
          message: `The ${describeOrigin(origin)} is written to ${describeSink(sink)}, ${where}. Leave secrets out of logs and payloads.`,
        });
      }
    },
  },
};
