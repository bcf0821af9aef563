import { IDENTIFIER_SCHEMES, mainIdOfSeat, mainIdOfSpid, MLS_PROCESSES_WITHOUT_STATUS, SPIS_ICD, spidOfSpisParticipant, valueWithoutScheme } from '../peppol/index.js';

/** The MLS_TO scope of a received document's SBDH, as it came. */
export interface MlsToScope {
  value: string;
  /** The scope's `Identifier` (participant scheme), if any. */
  scheme?: string;
}

/** Where an MLS goes: an SPIS participant of the sending provider. */
export type MlsAddressee =
  | {
      ok: true;
      /** The SPID: the EndpointID of the MLS receiver party. */
      spid: string;
      /** `0242:<spid>`: the participant the MLS is sent to (scheme iso6523-actorid-upis). */
      participant: string;
      /** Whether the sender's MLS_TO was taken or the provider's default SPID. */
      source: 'mls-to' | 'default';
      /** Why a given MLS_TO was not taken. */
      ignored?: string;
    }
  | { ok: false; reason: string };

/** The provider's default SPIS participant: `0242:` + the main id of its seat (C2's signing certificate CN). */
export function defaultMlsAddressee(sendingSeatId: string): MlsAddressee {
  const mainId = mainIdOfSeat(sendingSeatId);
  if (!mainId) return { ok: false, reason: `the sending access point ${JSON.stringify(sendingSeatId.slice(0, 64))} has no Peppol seat id, so it has no SPIS participant to send an MLS to` };
  return { ok: true, spid: mainId, participant: `${SPIS_ICD}:${mainId}`, source: 'default' };
}

/**
 * Where C3 sends the MLS (SPOG on MLS §5.1): to MLS_TO when it is an SPIS participant (`0242:` +
 * an SPID, participant scheme) of the provider that sent the document, whose seat id has the same
 * main id; otherwise to that provider's default SPID. An MLS is never redirected to another provider.
 */
export function mlsAddressee(mlsTo: MlsToScope | undefined, sendingSeatId: string): MlsAddressee {
  const fallback = defaultMlsAddressee(sendingSeatId);
  const given = mlsTo?.value.trim();
  if (!given || !fallback.ok) return fallback;
  const ignore = (why: string): MlsAddressee => ({ ...fallback, ignored: `MLS_TO ${JSON.stringify(given.slice(0, 128))} ignored: ${why}` });
  if (mlsTo!.scheme !== undefined && mlsTo!.scheme.trim() !== '' && mlsTo!.scheme.trim().toLowerCase() !== IDENTIFIER_SCHEMES.participant) {
    return ignore(`its scheme is ${JSON.stringify(mlsTo!.scheme.trim().slice(0, 64))}, not ${IDENTIFIER_SCHEMES.participant}`);
  }
  const spid = spidOfSpisParticipant(valueWithoutScheme(given, IDENTIFIER_SCHEMES.participant));
  if (!spid) return ignore(`not ${SPIS_ICD}: followed by a Service Provider Id`);
  if (mainIdOfSpid(spid) !== fallback.spid) return ignore(`it belongs to another service provider than the sender (${fallback.spid})`);
  return { ok: true, spid, participant: `${SPIS_ICD}:${spid}`, source: 'mls-to' };
}

/** Documents that never get an MLS: an MLS itself and the Peppol Reporting documents (by process, with or without scheme). */
export function getsMls(processId: string): boolean {
  return !MLS_PROCESSES_WITHOUT_STATUS.includes(valueWithoutScheme(processId.trim(), IDENTIFIER_SCHEMES.process));
}
