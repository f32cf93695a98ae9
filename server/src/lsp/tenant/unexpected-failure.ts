// Failures nobody expected during tenant work. A request handler that throws
// would be answered by vscode-jsonrpc with the error's own words, and an
// exception nothing catches would be printed by Node, stack and all, to
// stderr (the editor's output channel); either may quote the client secret or
// a token. Here both pass through the open tenant clients' redactors first.
import { ErrorCodes, ResponseError, type Connection } from 'vscode-languageserver';
import { maskedError } from '../../engine/tenant/masked-error';

type Redact = (text: string) => string;

/** Runs a request's work; a failure is logged (with its stack) and answered as an error, both masked. */
export async function maskedAnswer<R>(connection: Connection, redact: Redact, method: string, work: () => R | Promise<R>): Promise<R> {
  try {
    return await work();
  } catch (error) {
    const safe = maskedError(error, redact);
    connection.console.error(`${method} failed: ${safe.stack}`);
    throw new ResponseError(error instanceof ResponseError ? error.code : ErrorCodes.InternalError, `${method} failed: ${safe.message}`);
  }
}

/**
 * An uncaught exception (or unhandled rejection, which Node raises as one)
 * still ends the server with exit code 1, as Node's default would; only its
 * trace on stderr is masked.
 */
export function maskUncaught(redact: Redact): void {
  process.on('uncaughtException', (error) => {
    process.exitCode = 1;
    process.stderr.write(`Uncaught ${maskedError(error, redact).stack}\n`, () => process.exit(1));
  });
}
