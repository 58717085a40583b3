/** `node dist/server/web.cjs [--port N]`: web mode as a process (npm run web, the e2e, npm start's fallback). */
import { runWebMode } from './web';

async function start(): Promise<void> {
  const portArg = process.argv.indexOf('--port');
  const port = portArg >= 0 ? Number(process.argv[portArg + 1]) : process.env.PORT ? Number(process.env.PORT) : undefined;
  const server = await runWebMode(port !== undefined && Number.isInteger(port) ? { port } : {});
  const stop = () => void server.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

void start();
