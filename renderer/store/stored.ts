/**
 * Values the app keeps in localStorage (the user's profile, the class session), read back
 * through their schema: anything missing, unreadable or out of shape reads as null.
 */
import type { z } from 'zod';

export function readStored<T>(key: string, schema: z.ZodType<T>): T | null {
  try {
    const parsed = schema.safeParse(JSON.parse(localStorage.getItem(key) ?? 'null'));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
