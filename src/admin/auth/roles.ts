/** Admin API roles, weakest first: each role may do everything the ones before it may. */
export const ADMIN_ROLES = ['viewer', 'operator', 'admin'] as const;
export type AdminRole = (typeof ADMIN_ROLES)[number];

/**
 * The role of a back end (OMS, ERP): it acts for the participants its key names, on the back-end API
 * (`/api/v1`) only. It is no admin role and no admin role is one: each side is closed to the other.
 */
export const BACKEND_ROLE = 'backend';

/** Every role a key may have. */
export const KEY_ROLES = [...ADMIN_ROLES, BACKEND_ROLE] as const;
export type KeyRole = (typeof KEY_ROLES)[number];

export function isAdminRole(value: string): value is AdminRole {
  return (ADMIN_ROLES as readonly string[]).includes(value);
}

export function isKeyRole(value: string): value is KeyRole {
  return (KEY_ROLES as readonly string[]).includes(value);
}

/** True when `held` is at least `required`; the back-end role only meets itself. */
export function roleAllows(held: KeyRole, required: KeyRole): boolean {
  if (held === BACKEND_ROLE || required === BACKEND_ROLE) return held === required;
  return ADMIN_ROLES.indexOf(held) >= ADMIN_ROLES.indexOf(required);
}
