import { allowedHeadersWildcard } from './allowed-headers-wildcard';
import { amqpWithoutTls } from './amqp-without-tls';
import { certWildcardCnInTable } from './cert-wildcard-cn';
import { cleartextBasicAuth } from './cleartext-basic-auth';
import { cleartextHttpEndpoint } from './cleartext-http-endpoint';
import { cleartextSecret } from './cleartext-secret';
import { clientCertOverHttp } from './client-cert-over-http';
import { csrfProtectionDisabled } from './csrf-protection-disabled';
import { genericSenderRole } from './generic-sender-role';
import { inboundCertSelfSigned } from './inbound-cert-self-signed';
import { mailCleartextPassword } from './mail-cleartext-password';
import { mailStarttlsOptional } from './mail-starttls-optional';
import { mailUnencrypted } from './mail-unencrypted';
import { nonstandardMailPort } from './nonstandard-mail-port';
import { onPremiseClientCert } from './onpremise-client-cert';
import { onPremiseHttpsAddress } from './onpremise-https-address';
import { outboundPortNotOpen } from './outbound-port-not-open';
import { privateHostViaInternet } from './private-host-via-internet';
import { receiverAuthNone } from './receiver-auth-none';
import type { ChannelRule, IflowRule } from './rule';
import { senderCertificateDnAuth } from './sender-certificate-dn-auth';
import { sftpDeprecatedAlgorithms } from './sftp-deprecated-algorithms';
import { smtpPort25 } from './smtp-port-25';
import { weakMessageCrypto } from './weak-message-crypto';

/** Rules that look at one channel at a time. */
export const CHANNEL_RULES: readonly ChannelRule[] = [
  outboundPortNotOpen,
  nonstandardMailPort,
  smtpPort25,
  cleartextHttpEndpoint,
  cleartextBasicAuth,
  clientCertOverHttp,
  onPremiseClientCert,
  onPremiseHttpsAddress,
  privateHostViaInternet,
  mailUnencrypted,
  mailCleartextPassword,
  mailStarttlsOptional,
  amqpWithoutTls,
  sftpDeprecatedAlgorithms,
  receiverAuthNone,
  csrfProtectionDisabled,
  genericSenderRole,
  senderCertificateDnAuth,
  inboundCertSelfSigned,
  certWildcardCnInTable,
  weakMessageCrypto,
];

/** Rules over a whole iFlow. */
export const IFLOW_RULES: readonly IflowRule[] = [cleartextSecret, allowedHeadersWildcard];
