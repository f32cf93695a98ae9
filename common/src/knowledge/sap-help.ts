// Addresses on SAP Help and the sections of the Cloud Integration security
// FAQ. A leaf module: rule metadata, the FAQ and the SAP page list all link
// from here, and the rule catalogue is built from them.

const HELP = 'https://help.sap.com/docs/CLOUD_INTEGRATION/368c481cd6954bdfa5d0435479fd4eaf/';
const FAQ_LOIO = '58ff94fc64784e3d9e53f357f08a0bce';

/** Link to one answer of the Cloud Integration security FAQ. */
export function faqUrl(sectionId: string): string {
  return `${HELP}${FAQ_LOIO}.html?version=Cloud#loio${FAQ_LOIO}__${sectionId}`;
}

/** Link to a Cloud Integration documentation page by its loio. */
export function helpPageUrl(loio: string): string {
  return `${HELP}${loio}.html?version=Cloud`;
}

// FAQ section ids, named after their questions.
export const FAQ = {
  addUsers: 'section_jg5_jjd_x1b',
  listRoles: 'section_k2k_sjd_x1b',
  assignRoles: 'section_xc2_mv1_v2b',
  contactOperations: 'section_tz2_1kd_x1b',
  caSignedMandatory: 'section_dfb_2kd_x1b',
  approvedCas: 'section_lwv_3kd_x1b',
  wildcardCn: 'section_vr5_zkd_x1b',
  selfSignedClientAuth: 'section_pd4_bld_x1b',
  selfSignedMessageLevel: 'section_q12_2ld_x1b',
  keystoreOwner: 'section_w1h_jld_x1b',
  messageLevelProcedure: 'section_dj2_rld_x1b',
  sftpSmtpPorts: 'section_cr4_hmd_x1b',
  httpPorts: 'section_fhy_mmd_x1b',
  ipAllowlist: 'section_hn4_4md_x1b',
  dataCenters: 'section_j5w_1nd_x1b',
  cloudConnector: 'section_egj_2nd_x1b',
} as const;
