/** OpenAPI documentation of problem+json answers whose status the admin API's examples do not cover. */
export const problemExample = (status: number, type: string, title: string, detail: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  type,
  title,
  status,
  detail,
  instance: '/api/v1/documents',
  correlationId: '5b0e8e0e-0d55-4c8e-bb0e-7d3f0a6c9f10',
  ...extra,
});

export const problemContent = (example: Record<string, unknown>, schema: Record<string, unknown> = { $ref: '#/components/schemas/Problem' }) => ({
  'application/problem+json': { schema, example },
});
