/**
 * A real HTTP server on 127.0.0.1 for the feed tests, with routes given as handlers and a log of the
 * requests it received (to check conditional headers and politeness timing).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type Route = (req: http.IncomingMessage, res: http.ServerResponse) => void;

export interface LocalServer {
  readonly base: string;
  readonly log: { path: string; at: number; headers: http.IncomingHttpHeaders }[];
  close(): Promise<void>;
}

export async function startServer(routes: Record<string, Route>): Promise<LocalServer> {
  const log: LocalServer['log'] = [];
  const server = http.createServer((req, res) => {
    const path = req.url ?? '/';
    log.push({ path, at: Date.now(), headers: req.headers });
    const route = routes[path];
    if (route) route(req, res);
    else res.writeHead(404).end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    log,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
