import type { RoleType } from '@shared/statements/roles.ts';

/** Role names in undo labels ("Undo: Set claimant"). */
export const ROLE_UNDO_LABEL: Record<RoleType, string> = { claimant: 'claimant', addressee: 'addressee', about: 'object actor', 'according-to': 'source' };
