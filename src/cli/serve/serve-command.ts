/**
 * `dplab serve`: starts the HTTP microservice (create-server.ts) on a port, logs structured JSON to
 * stdout (the first `listening` line carries the bound `address`), and on SIGTERM or SIGINT stops
 * accepting connections, finishes the requests in flight and returns 0.
 */
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { positiveInt, wholeNumber } from '../args.ts';
import { readInteractions, readItems, readText } from '../recommend/read-interactions.ts';
import { createServer, serverDefaults } from './create-server.ts';
import { basketAlgorithms } from './recommend-service.ts';

export const serveUsage = `Usage: dplab serve [options]

A JSON microservice: POST /v1/forecast, GET /v1/recommendations/{user}?k=, POST /v1/recommendations,
GET /health, GET /metrics (Prometheus), GET /openapi.json. Logs are JSON lines on stdout.

Options:
  --port P          port to listen on (default 8080; 0 picks a free one)
  --host H          address to bind (default 127.0.0.1; 0.0.0.0 for every interface)
  --interactions F  interactions CSV (user,item[,rating][,date], as dplab recommend) to fit the
                    recommender on at start-up; without it the recommendation routes answer 503
  --items F         items CSV (item,description,…), for --algo content
  --algo A          recommender: ${basketAlgorithms.join(', ')} (default ${serverDefaults.algo})
  --cors ORIGIN     send Access-Control-Allow-Origin: ORIGIN (* or https://host[:port])
  --body-limit B    largest request body in bytes (default ${serverDefaults.bodyLimit}); larger ones get 413
  --timeout MS      a forecast request still working after MS milliseconds is stopped with 503
                    (default ${serverDefaults.timeoutMs})
  --jobs N          forecasting worker threads (default: all cores, ${availableParallelism()})
  --log-level L     fatal | error | warn | info | debug | trace | silent (default info)`;

/** Runs the server until SIGTERM/SIGINT; returns the exit code. */
export async function serveCommand(argv: string[]): Promise<number> {
  const { values: opt, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      interactions: { type: 'string' },
      items: { type: 'string' },
      algo: { type: 'string' },
      cors: { type: 'string' },
      'body-limit': { type: 'string' },
      timeout: { type: 'string' },
      jobs: { type: 'string' },
      'log-level': { type: 'string' },
    },
  });
  if (positionals.length) throw new Error(`unexpected argument "${positionals[0]}"\n\n${serveUsage}`);
  const port = wholeNumber('port', opt.port, 8080);
  if (port < 0 || port > 65535) throw new Error(`--port must be between 0 and 65535, got "${opt.port}"`);
  if (opt.items && !opt.interactions) throw new Error('--items needs --interactions too');
  const interactions = opt.interactions
    ? readInteractions(readText(opt.interactions), opt.interactions).rows
    : undefined;
  const items = opt.items ? readItems(readText(opt.items), opt.items) : undefined;
  const app = createServer({
    interactions,
    items,
    algo: opt.algo,
    cors: opt.cors,
    bodyLimit: positiveInt('body-limit', opt['body-limit']),
    timeoutMs: positiveInt('timeout', opt.timeout),
    jobs: positiveInt('jobs', opt.jobs),
    logLevel: opt['log-level'] ?? 'info',
  });
  const stopped = new Promise<string>((resolve) => {
    const stop = (signal: string) => {
      app.log.info({ signal }, 'draining: no new connections, finishing the requests in flight');
      void app.close().then(() => resolve(signal));
    };
    process.once('SIGTERM', () => stop('SIGTERM'));
    process.once('SIGINT', () => stop('SIGINT'));
  });
  await app.listen({ port, host: opt.host ?? '127.0.0.1' });
  const address = app.server.address();
  const url =
    address && typeof address === 'object'
      ? `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`
      : String(address);
  app.log.info({ address: url, port: typeof address === 'object' ? address?.port : undefined }, 'listening');
  const signal = await stopped;
  app.log.info({ signal }, 'stopped');
  return 0;
}
