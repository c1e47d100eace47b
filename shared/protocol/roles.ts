/**
 * The roles of a class session, as tokens carry them and the roster records them: the teacher
 * (writes the corpus, the texts, the gold layer), a student (writes their own layer) and an
 * observer (the classroom projector: reads). What each may do is decided by the server
 * (electron/server/permissions.ts).
 */
import { z } from 'zod';

export const ROLES = ['teacher', 'student', 'observer'] as const;

export const roleSchema = z.enum(ROLES);

export type Role = (typeof ROLES)[number];
