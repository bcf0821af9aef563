/**
 * Access points and service providers are known by their seat id: the CN of their Peppol AP
 * certificate, `P` + a two-letter Peppol Authority code + six digits (e.g. `POP000306`). It is the
 * AS4 From/To PartyId, and the source of the provider's SPIS participant id (`0242:` + the six digits).
 */

/** `type` of every AS4 `eb:PartyId`: the value is a seat id. */
export const AP_PARTY_ID_TYPE = 'urn:fdc:peppol.eu:2017:identifiers:ap';

/** The AS4 `eb:AgreementRef` of every Peppol message: the Transport Infrastructure Agreement. */
export const AP_AGREEMENT_REF = 'urn:fdc:peppol.eu:2017:agreements:tia:ap_provider';

/** The only active Peppol AS4 transport profile (SMP endpoints, reporting). */
export const AS4_TRANSPORT_PROFILE = 'peppol-transport-as4-v2_0';

/** A seat id: `P`, the two-letter Peppol Authority code, six digits. */
export const SEAT_ID_PATTERN = /^P[A-Z]{2}[0-9]{6}$/;

/** ICD of the OpenPeppol Service Provider Identification Scheme (SPIS). */
export const SPIS_ICD = '0242';

export function isSeatId(value: string): boolean {
  return SEAT_ID_PATTERN.test(value);
}

/** The SPIS participant value of a provider: `0242:` + the six digits of its seat id (`POP000306` → `0242:000306`). */
export function spisParticipantOf(seatId: string): string {
  if (!isSeatId(seatId)) throw new Error(`"${seatId}" is not a Peppol seat id (P + 2 letters + 6 digits)`);
  return `${SPIS_ICD}:${seatId.slice(3)}`;
}
