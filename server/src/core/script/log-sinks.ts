// Where a script's values become visible: the message processing log
// (attachments, string properties, custom header properties), loggers and
// standard output, the message body, and message headers and properties.

import type { CallSite } from './calls';
import { literalValue } from './literals';
import type { ScriptCode } from './model';
import { indexedTexts } from './token-index';
import type { TokenSpan } from './span';

/**
 * - `message-log`: the message processing log, shown in message monitoring
 * - `logger`: `log.*`, `println`, `System.out/err.*`, JavaScript's `console.*`
 * - `body`: `message.setBody`, what goes to the receiver (and into traces)
 * - `message`: headers and properties (`setHeader`, `setProperty`, `setHeaders`, `setProperties`)
 */
export type SinkKind = 'message-log' | 'logger' | 'body' | 'message';

export interface Sink {
  readonly kind: SinkKind;
  readonly call: CallSite;
  /** How the call reads in the script: `messageLog.setStringProperty`, `log.info`, `println`. */
  readonly label: string;
  /** The arguments whose value is written. */
  readonly values: readonly TokenSpan[];
  /** `setHeader("Authorization", …)`: the header's or property's name when it is a literal. */
  readonly target?: string;
}

const MESSAGE_LOG = new Set(['addAttachmentAsString', 'setStringProperty', 'addCustomHeaderProperty']);
const LOGGER_METHODS = new Set([
  'info',
  'debug',
  'warn',
  'warning',
  'error',
  'trace',
  'fatal',
  'severe',
  'fine',
  'finer',
  'finest',
  'config',
  'log',
  'print',
  'println',
  'printf',
  'format',
  'write',
]);
const PRINTING = new Set(['println', 'print', 'printf']);
/** Every method messageWrite may take for a header or property write: asked of the call index as LOG_SINK_METHODS is. */
export const MESSAGE_WRITE_METHODS = indexedTexts(['setHeader', 'setProperty', 'setHeaders', 'setProperties']);

/** Every method logSink may take for a sink: a rule asks the call index for these calls alone (CallIndex.named). */
export const LOG_SINK_METHODS = indexedTexts([...MESSAGE_LOG, 'setBody', ...PRINTING, ...LOGGER_METHODS]);

function label(call: CallSite): string {
  const path = call.receiver?.path;
  if (!path || path.length === 0) return call.method;
  // `System.out.println` in full; a longer or computed receiver by its last part.
  const plain = path.length <= 3 && path.every((segment) => /^[A-Za-z_$][\w$]*$/.test(segment));
  return `${plain ? path.join('.') : path[path.length - 1]}.${call.method}`;
}

/** A receiver that is a logger or an output stream. */
function isLoggerReceiver(path: readonly string[]): boolean {
  const last = path[path.length - 1].replace(/\(\)$/, '');
  const lower = last.toLowerCase();
  if (lower === 'log' || lower.endsWith('logger') || lower === 'getlog' || lower === '_log') return true;
  if ((last === 'out' || last === 'err') && path[path.length - 2] === 'System') return true;
  return last === 'console' && path.length === 1;
}

/** A sink whose label is put together when a message asks for it: most sinks a rule looks at are never reported. */
class CallSink implements Sink {
  private text: string | undefined;

  constructor(
    readonly kind: SinkKind,
    readonly call: CallSite,
    readonly values: readonly TokenSpan[],
    readonly target?: string,
  ) {}

  get label(): string {
    return (this.text ??= label(this.call));
  }
}

/** The call writes its arguments to a log (the message processing log, a logger, standard output) or into the message body. */
export function logSink(call: CallSite): Sink | undefined {
  if (call.isNew) return undefined;
  const receiver = call.receiver;
  if (MESSAGE_LOG.has(call.method) && receiver) return new CallSink('message-log', call, call.arguments);
  if (call.method === 'setBody' && receiver) return new CallSink('body', call, call.arguments.slice(0, 1));
  // Without a receiver, the label is the method's name.
  if (!receiver) return PRINTING.has(call.method) ? new CallSink('logger', call, call.arguments) : undefined;
  if (LOGGER_METHODS.has(call.method) && isLoggerReceiver(receiver.path)) return new CallSink('logger', call, call.arguments);
  return undefined;
}

/** The call writes a message header or property (`setHeader(name, value)`, `setProperties(map)`). */
export function messageWrite(code: ScriptCode, call: CallSite): Sink | undefined {
  if (call.isNew || !call.receiver || !MESSAGE_WRITE_METHODS.has(call.method)) return undefined;
  const single = call.method === 'setHeader' || call.method === 'setProperty';
  if (single) {
    if (call.arguments.length < 2) return undefined;
    const target = literalValue(code, call.arguments[0])?.value;
    return new CallSink('message', call, [call.arguments[1]], target);
  }
  return call.arguments.length >= 1 ? new CallSink('message', call, [call.arguments[0]]) : undefined;
}

/** "the message processing log (messageLog.setStringProperty)", "the log (log.info)", "the message body (message.setBody)". */
export function describeSink(sink: Sink): string {
  switch (sink.kind) {
    case 'message-log':
      return `the message processing log (${sink.label})`;
    case 'logger':
      return `the log (${sink.label})`;
    case 'body':
      return `the message body (${sink.label})`;
    case 'message': {
      const what = sink.call.method === 'setHeader' || sink.call.method === 'setHeaders' ? 'header' : 'property';
      return sink.target !== undefined ? `the ${what} "${sink.target}" (${sink.label})` : `a message ${what} (${sink.label})`;
    }
  }
}
