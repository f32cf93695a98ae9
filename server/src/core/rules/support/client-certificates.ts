import type { ChannelView } from '../../analysis/channel-view';
import { readTable, type TableCell } from '../../iflow/table';
import type { ResolvedValue } from '../../params/resolved-value';

// The client-certificate table of a sender (authorisation by certificate
// subject and issuer): one row per accepted certificate.

export interface ClientCertificateRow {
  readonly subject?: TableCell;
  readonly issuer?: TableCell;
}

export interface ClientCertificateTable {
  /** The resolved table value the cells' offsets refer to. */
  readonly table: ResolvedValue;
  readonly rows: readonly ClientCertificateRow[];
}

/** The sender's `clientCertificates` table; undefined for other channels and an empty table. */
export function clientCertificateTable(channel: ChannelView): ClientCertificateTable | undefined {
  if (!channel.isSender) return undefined;
  const table = channel.resolvedTable('clientCertificates');
  if (!table || table.text.trim() === '') return undefined;
  const rows = readTable(table.text).map((row) => ({
    subject: row.find((cell) => cell.id === 'clientCertificate.subjectDN'),
    issuer: row.find((cell) => cell.id === 'clientCertificate.issuerDN'),
  }));
  return { table, rows };
}
