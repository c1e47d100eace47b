/**
 * The local user: a random id (the owner of their layer documents), a display name and a
 * colour, asked once and kept in localStorage.
 */
import { MEMBER_COLORS } from '../../shared/model/member-colors';
import { authorSchema, newId, type Author } from '../../shared/model/record';
import { readStored } from './stored';

const KEY = 'glose.user';

/** Colours offered for users: Okabe–Ito, readable on white and distinct for colour-blind readers. */
export const USER_COLORS: readonly string[] = MEMBER_COLORS;

export function loadUser(): Author | null {
  return readStored(KEY, authorSchema);
}

export function saveUser(name: string, color: string, existing: Author | null): Author {
  const user = authorSchema.parse({ id: existing?.id ?? newId(), name: name.trim(), color });
  localStorage.setItem(KEY, JSON.stringify(user));
  return user;
}
