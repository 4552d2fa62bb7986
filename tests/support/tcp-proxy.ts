// A loopback TCP proxy in front of PostgreSQL that a test can take down, bring
// back and cut, to play a database restart without touching the real server;
// or trip at a known point: the moment a client sends a given statement.
import net from 'node:net';

type Tripwire = { marker: Buffer; tripped: () => void };

export class TcpProxy {
  private server: net.Server | undefined;
  private readonly sockets = new Set<net.Socket>();
  private tripwire: Tripwire | undefined;
  port = 0;

  constructor(private readonly target: { host: string; port: number }) {}

  async start(port = this.port): Promise<void> {
    const server = net.createServer((client) => {
      const upstream = net.connect(this.target.port, this.target.host);
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on('close', () => this.sockets.delete(socket));
        socket.on('error', () => {});
      }
      // Forwarded by hand, so a tripping chunk never reaches the server.
      let tail = Buffer.alloc(0);
      client.on('data', (chunk: Buffer) => {
        const wire = this.tripwire;
        if (wire) {
          const seen = Buffer.concat([tail, chunk]);
          if (seen.includes(wire.marker)) {
            this.tripwire = undefined;
            void this.stop().then(wire.tripped);
            return;
          }
          tail = seen.subarray(Math.max(0, seen.length - wire.marker.length + 1));
        }
        upstream.write(chunk);
      });
      upstream.pipe(client);
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    });
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    this.port = (server.address() as net.AddressInfo).port;
    this.server = server;
  }

  /**
   * Takes the database away (as stop() does) the moment a client sends
   * `statement`, which never reaches the server; resolves once it is away.
   */
  stopWhenSent(statement: string): Promise<void> {
    return new Promise((tripped) => {
      this.tripwire = { marker: Buffer.from(statement), tripped };
    });
  }

  /** Cuts every open connection, as a server restart does. */
  cutConnections(): void {
    for (const socket of this.sockets) socket.destroy();
  }

  /** Stops listening (new connections are refused) and cuts the open ones. */
  async stop(): Promise<void> {
    this.cutConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    this.server = undefined;
  }

  urlFor(databaseUrl: string): string {
    const url = new URL(databaseUrl);
    url.hostname = '127.0.0.1';
    url.port = String(this.port);
    return url.toString();
  }
}
