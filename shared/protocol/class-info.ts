/**
 * What a class server tells anyone who asks (`GET /api/class`): that it is a Glose class server
 * and the class's name, so the page it serves can open on "Join «3e B»". Nothing secret: no
 * code, no corpus id, no roster. The app reads the answer through this schema.
 */
import { z } from 'zod';

export const classInfoSchema = z.object({
  app: z.literal('glose'),
  title: z.string().max(200),
});

export type ClassInfo = z.infer<typeof classInfoSchema>;
