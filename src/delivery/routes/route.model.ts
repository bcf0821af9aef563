import type { AlertEventType, ParticipantEventType } from '../webhook/events.js';

export type RouteKind = 'webhook' | 'as4' | 'operator';

interface RouteBase {
  id: string;
  /** The served participant whose back end this is (buyer or supplier), lower-cased `scheme:value` (e.g. `0192:810418052`). */
  participantId: string;
  /** The same as participantId: the name routes had when they belonged to suppliers only. */
  supplierId: string;
  /** `scheme::value` of the one document type this route is for; null for all of them. */
  documentTypeId: string | null;
  name: string;
  enabled: boolean;
  /** Why the route was disabled automatically (e.g. the endpoint answered 410 Gone). */
  disabledReason: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** Events go to the participant's back end (OMS, ERP, procurement) as signed Standard Webhooks. */
export interface WebhookRoute extends RouteBase {
  kind: 'webhook';
  url: string;
  eventTypes: ParticipantEventType[];
  /** Response timeout for this endpoint; null uses WEBHOOK_RESPONSE_TIMEOUT_MS. */
  timeoutMs: number | null;
}

/** Documents go onward over AS4 to the participant's own access point. */
export interface As4Route extends RouteBase {
  kind: 'as4';
}

/**
 * The operators' own endpoint (alerting, chat, paging): operator alerts (`alert.*`) as signed Standard
 * Webhooks, with the same secrets, retries and breaker as a back end's route. It belongs to no participant.
 */
export interface OperatorRoute extends Omit<RouteBase, 'participantId' | 'supplierId' | 'documentTypeId'> {
  kind: 'operator';
  participantId: null;
  supplierId: null;
  documentTypeId: null;
  url: string;
  eventTypes: AlertEventType[];
  /** Response timeout for this endpoint; null uses WEBHOOK_RESPONSE_TIMEOUT_MS. */
  timeoutMs: number | null;
}

export type Route = WebhookRoute | As4Route | OperatorRoute;

/** Routes that receive signed webhooks: a back end's, or the operators'. */
export type SignedRoute = WebhookRoute | OperatorRoute;

export function isSignedRoute(route: Route): route is SignedRoute {
  return route.kind === 'webhook' || route.kind === 'operator';
}

export interface RouteSecret {
  secret: string;
  createdAt: Date;
  /** When the secret stops being used for signing; null while it is the current one. */
  expiresAt: Date | null;
}

/** A secret as shown to operators after creation: never the whole value. */
export interface RouteSecretView {
  hint: string;
  createdAt: string;
  expiresAt: string | null;
}

export function secretHint(secret: string): string {
  return `${secret.slice(0, 'whsec_'.length + 4)}…${secret.slice(-4)}`;
}
