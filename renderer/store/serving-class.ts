/**
 * Which class a class server hosts (`GET /api/class`, checked against the protocol's schema):
 * asked at start about the server that served this page, so a student who opens the teacher's
 * address lands on "Join «3e B»" rather than on a local library; and about a teacher link's server,
 * for the class's name.
 */
import { classInfoSchema, type ClassInfo } from '../../shared/protocol/class-info';

const asked = new Map<string, Promise<ClassInfo | null>>();
const answered = new Map<string, ClassInfo | null>();

/** The class hosted at `server` ('' for the server of this page), or null (the desktop app, a plain web server, no class). */
export function classAt(server = ''): Promise<ClassInfo | null> {
  let answer = asked.get(server);
  if (!answer) {
    // the desktop app's own page (app://) is served by no class server
    const asks = server !== '' || location.protocol.startsWith('http');
    answer = (asks ? fetch(`${server}/api/class`, { cache: 'no-store' }) : Promise.resolve(null))
      .then(async (response) => (response?.status === 200 ? (classInfoSchema.safeParse(await response.json()).data ?? null) : null))
      .catch(() => null)
      .then((info) => (answered.set(server, info), info));
    asked.set(server, answer);
  }
  return answer;
}

/** What `classAt(server)` answered, if it has answered already (so a page does not flash the form it is not going to show). */
export function classKnownAt(server = ''): ClassInfo | null {
  return answered.get(server) ?? null;
}
