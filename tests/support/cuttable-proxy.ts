/**
 * A TCP proxy on 127.0.0.1 standing for one laptop's network link: `cut()` drops every open
 * connection and refuses new ones, as a lost Wi-Fi would; `stall()` keeps every connection open
 * but carries no byte either way (nothing tells the ends: a Wi-Fi gone silent, a sleeping access
 * point); `restore()` brings the link back.
 */
import { createServer, connect, type Server, type Socket } from 'node:net';

export interface CuttableProxy {
  port: number;
  cut(): void;
  stall(): void;
  restore(): void;
  close(): Promise<void>;
}

export async function cuttableProxy(targetPort: number): Promise<CuttableProxy> {
  let up = true;
  let silent = false;
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    if (!up) return client.destroy();
    const upstream = connect(targetPort, '127.0.0.1');
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => s.destroy());
    }
    const relay = (from: Socket, to: Socket) => from.on('data', (chunk) => silent || to.write(chunk));
    relay(client, upstream);
    relay(upstream, client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : 0,
    cut() {
      up = false;
      sockets.forEach((s) => s.destroy());
    },
    stall() {
      silent = true;
    },
    restore() {
      up = true;
      silent = false;
    },
    close: () =>
      new Promise((resolve) => {
        sockets.forEach((s) => s.destroy());
        server.close(() => resolve());
      }),
  };
}
