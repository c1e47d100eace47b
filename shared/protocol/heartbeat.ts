/**
 * The connection heartbeat: a client sends `ping` on its corpus document every HEARTBEAT_MS and
 * the server answers `pong` (stateless messages), so a message arrives at least that often and a
 * client that hears nothing for SILENCE_MS knows its link is gone (a silent Wi-Fi loss shows
 * within 5 s instead of the 30 s a dead TCP connection takes).
 */
export const HEARTBEAT_MS = 1_500;
export const SILENCE_MS = 3_500;

export const HEARTBEAT = {
  ping: JSON.stringify({ type: 'glose-ping' }),
  pong: JSON.stringify({ type: 'glose-pong' }),
} as const;
