/**
 * Documents open per connection (one socket): a slot is taken when a document is granted to the
 * socket, before Hocuspocus loads it, and given back when that document's connection closes. A
 * socket that asks for more than its quota is refused with `quota-documents`, however fast it asks.
 */
import { Refusal } from './reasons';

export function documentSlots(max: number) {
  const open = new Map<string, number>();
  return {
    take(socketId: string): void {
      const count = open.get(socketId) ?? 0;
      if (count >= max) throw new Refusal('quota-documents');
      open.set(socketId, count + 1);
    },
    release(socketId: string): void {
      const count = (open.get(socketId) ?? 1) - 1;
      if (count <= 0) open.delete(socketId);
      else open.set(socketId, count);
    },
  };
}
