/**
 * Who wrote a record is decided by where it is, never by what it says: the author is the owner
 * of the layer document holding it (the server lets only that owner write it), and the name and
 * colour shown are those of the roster the server writes when members join. A record's own
 * `author` field is only a fallback for an owner the roster does not know (work outside a class,
 * or imported), and even then its id is the layer's owner.
 */
import type { Author } from './record';
import type { RosterEntry } from './roster';

export function vouchedAuthor(owner: string, roster: ReadonlyMap<string, RosterEntry>, claimed: Author): Author {
  const entry = roster.get(owner);
  if (entry) return { id: owner, name: entry.name, color: entry.color };
  return claimed.id === owner ? claimed : { ...claimed, id: owner };
}

/** `items` (records, replies, votes…) of `owner`'s layer with their vouched author; unchanged items keep their identity. */
export function withVouchedAuthors<T extends { author: Author }>(items: T[], owner: string, roster: ReadonlyMap<string, RosterEntry>): T[] {
  let changed = false;
  const out = items.map((item) => {
    const author = vouchedAuthor(owner, roster, item.author);
    if (author.id === item.author.id && author.name === item.author.name && author.color === item.author.color) return item;
    changed = true;
    return { ...item, author };
  });
  return changed ? out : items;
}
