/**
 * Facts about the ICD part of a participant id (`«ICD»:«id»`, Peppol participant identifier code list).
 */

/**
 * Country of the national participant identifier schemes: a participant registered in such a scheme
 * is in that country. International schemes (0088 GLN, 0060 DUNS, 0209 GS1, 0242 SPIS, ...) say
 * nothing about it and are absent.
 */
export const ICD_COUNTRY: Readonly<Record<string, string>> = {
  '0002': 'FR', '0007': 'SE', '0009': 'FR', '0096': 'DK', '0106': 'NL', '0151': 'AU', '0184': 'DK', '0190': 'NL',
  '0192': 'NO', '0195': 'SG', '0196': 'IS', '0204': 'DE', '0208': 'BE', '0210': 'IT', '0211': 'IT', '0230': 'MY',
  '9915': 'AT', '9925': 'BE', '9930': 'DE', '9944': 'NL', '9945': 'PL', '9957': 'FR',
};

/** The country a participant id (`«ICD»:«id»`) implies through its national scheme, if any. */
export function countryOfParticipant(participantValue: string): string | undefined {
  const icd = participantValue.split(':')[0]!;
  return Object.hasOwn(ICD_COUNTRY, icd) ? ICD_COUNTRY[icd] : undefined;
}
