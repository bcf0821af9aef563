/** Messages between the API supervisor and its HTTP processes (Node cluster IPC). */
export const CLUSTER_MESSAGES = {
  /** process → supervisor: listening, with the port. */
  listening: 'peppol-ap:listening',
  /** supervisor → process: drain and exit (as on SIGTERM). */
  stop: 'peppol-ap:stop',
} as const;

export function isClusterMessage(message: unknown, type: string): boolean {
  return typeof message === 'object' && message !== null && (message as { type?: unknown }).type === type;
}
