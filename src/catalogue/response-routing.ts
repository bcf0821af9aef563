import { PROCESSES, TRANSACTIONS } from '../peppol/index.js';
import { participantId, type DocumentRouting } from '../ubl/routing.js';
import type { CatalogueHeader } from './catalogue-model.js';
import { CatalogueResponseError } from './catalogue-response.js';

/** A catalogue response goes back from the catalogue's receiver (C1 now) to its provider. */
export function catalogueResponseRouting(catalogue: CatalogueHeader): DocumentRouting {
  const sender = catalogue.receiver?.endpoint;
  const receiver = catalogue.provider?.endpoint;
  if (!sender?.schemeId || !receiver?.schemeId) throw new CatalogueResponseError('the catalogue lacks the endpoints to answer it');
  const country = catalogue.receiver?.postalAddress?.countryCode;
  return {
    senderId: participantId(sender),
    receiverId: participantId(receiver),
    documentTypeId: TRANSACTIONS.catalogueResponse.documentTypeId,
    processId: PROCESSES.catalogueOnly,
    ...(country ? { countryC1: country } : {}),
  };
}
