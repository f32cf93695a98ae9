// The certificate details view as one static HTML page: no scripts, a
// Content Security Policy that allows only its own inline style, and every
// text from the file (subject, issuer, messages) escaped.
import type { CertificateDetails, CertificateDetailsEntry, CertificateDetailsFinding } from '@cpi/common/protocol';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char]);
}

const STYLE = `
body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); padding: 0 20px 20px; }
h1 { font-size: 1.3em; margin: 16px 0 4px; }
h2 { font-size: 1.1em; margin: 24px 0 6px; border-bottom: 1px solid var(--vscode-panel-border, #8884); padding-bottom: 4px; }
.summary { color: var(--vscode-descriptionForeground); margin: 0 0 8px; }
table { border-collapse: collapse; }
th { text-align: left; font-weight: 600; padding: 3px 16px 3px 0; vertical-align: top; white-space: nowrap; }
td { padding: 3px 0; word-break: break-all; }
code { font-family: var(--vscode-editor-font-family); }
ul.findings { padding-left: 0; list-style: none; }
ul.findings li { margin: 6px 0; padding: 6px 10px; border-left: 3px solid var(--vscode-editorInfo-foreground, #3794ff); background: var(--vscode-textBlockQuote-background, #8881); }
ul.findings li.error { border-color: var(--vscode-editorError-foreground, #f14c4c); }
ul.findings li.warning { border-color: var(--vscode-editorWarning-foreground, #cca700); }
.severity { font-weight: 600; text-transform: capitalize; }
.none { color: var(--vscode-descriptionForeground); }
`;

function row(label: string, value: string, asCode = false): string {
  const shown = escapeHtml(value);
  return `<tr><th>${escapeHtml(label)}</th><td>${asCode ? `<code>${shown}</code>` : shown}</td></tr>`;
}

function findingsList(findings: readonly CertificateDetailsFinding[]): string {
  if (findings.length === 0) return '<p class="none">No findings.</p>';
  const items = findings.map(
    (finding) =>
      `<li class="${escapeHtml(finding.severity)}"><span class="severity">${escapeHtml(finding.severity)}</span> · <code>${escapeHtml(finding.ruleId)}</code><br>${escapeHtml(finding.message)}</li>`,
  );
  return `<ul class="findings">${items.join('')}</ul>`;
}

function certificateSection(certificate: CertificateDetailsEntry, index: number, count: number): string {
  const heading = count > 1 ? `Certificate ${index + 1} of ${count}` : 'Certificate';
  return [
    `<h2>${escapeHtml(heading)}${certificate.label === 'DER' ? '' : ` <span class="none">(line ${certificate.line + 1})</span>`}</h2>`,
    `<p class="summary">${escapeHtml(certificate.summary)}</p>`,
    '<table>',
    row('Subject', certificate.subject || '(empty)', true),
    row('Issuer', certificate.issuer || '(empty)', true),
    row('Serial', certificate.serial, true),
    row('Valid', `${certificate.notBefore} to ${certificate.notAfter} (${certificate.validity})`),
    row('Key', certificate.key),
    row('Signature', certificate.signatureAlgorithm),
    row('SHA-256 fingerprint', certificate.sha256Fingerprint, true),
    ...(certificate.alternativeNames.length > 0 ? [row('Alternative names', certificate.alternativeNames.join(', '), true)] : []),
    row('Signed', certificate.signed),
    '</table>',
    '<h3>Findings</h3>',
    findingsList(certificate.findings),
  ].join('\n');
}

/** The page for `details`; `fileName` titles it, `nonce` admits the inline style under the CSP. */
export function certificateDetailsHtml(details: CertificateDetails, fileName: string, nonce: string): string {
  const count = details.certificates.length;
  const body = [
    `<h1>${escapeHtml(fileName)}</h1>`,
    `<p class="summary">${escapeHtml(count === 1 ? '1 certificate' : `${count} certificates`)} · usage: ${escapeHtml(details.usage)}</p>`,
    ...details.problems.map((problem) => `<p>${escapeHtml(problem)}</p>`),
    ...details.certificates.map((certificate, index) => certificateSection(certificate, index, count)),
    ...(details.otherFindings.length > 0 ? ['<h2>Other findings in this file</h2>', findingsList(details.otherFindings)] : []),
  ];
  return page(fileName, nonce, body.join('\n'));
}

/** A page with one message (the server is not running, the request failed). */
export function messageHtml(fileName: string, message: string, nonce: string): string {
  return page(fileName, nonce, `<h1>${escapeHtml(fileName)}</h1>\n<p>${escapeHtml(message)}</p>`);
}

function page(title: string, nonce: string, body: string): string {
  const csp = `default-src 'none'; style-src 'nonce-${nonce}'`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<title>${escapeHtml(title)}</title>
<style nonce="${nonce}">${STYLE}</style>
</head>
<body>
${body}
</body>
</html>`;
}
