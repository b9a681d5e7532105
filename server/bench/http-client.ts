import { Agent, request } from 'node:http';

/** Minimal keep-alive JSON POST on node:http, so the load generator adds no dependency. */
export function poster(base: string, connections: number) {
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const { hostname, port } = new URL(base);
  return {
    post(path: string, body: string, headers: Record<string, string>): Promise<{ status: number; text: string }> {
      return new Promise((resolve, reject) => {
        const req = request(
          { hostname, port, path, method: 'POST', agent, headers: { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
          },
        );
        req.on('error', reject);
        req.end(body);
      });
    },
    close: () => agent.destroy(),
  };
}
