/**
 * Members' colours: the Okabe–Ito palette (readable on white, distinct for colour-blind
 * readers). The class server gives each member who joins the colour they asked for if no one
 * else has it yet, else the palette colour the fewest members have, so a class of 7 has 7
 * distinct colours and a bigger one shares them evenly; a member who joins again keeps theirs.
 * Colour is never alone: names (and initials) go with it wherever it shows.
 */
import type { RosterEntry } from './roster';

export const MEMBER_COLORS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000'] as const;

export function memberColor(roster: ReadonlyMap<string, RosterEntry>, user: string, wanted: string): string {
  const mine = roster.get(user)?.color;
  if (mine) return mine;
  const uses = new Map<string, number>(MEMBER_COLORS.map((c) => [c, 0]));
  for (const [id, entry] of roster) {
    const key = entry.color.toUpperCase();
    if (id !== user && uses.has(key)) uses.set(key, uses.get(key)! + 1);
  }
  const fewest = Math.min(...uses.values());
  const asked = wanted.toUpperCase();
  if (uses.get(asked) === fewest) return asked;
  return MEMBER_COLORS.find((c) => uses.get(c) === fewest)!;
}
