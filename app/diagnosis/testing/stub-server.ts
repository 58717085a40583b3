/**
 * A real server with one stubbed path: 501 (with the given headers and body) on `stubPath`, OPTIONS
 * answered with Allow, 404 elsewhere. Used by the probe tests and bench/diagnosis.ts.
 */
import { rawResponse, startRawServer, type RawServer } from '../../testing/servers';

export interface StubServerOptions {
  stubPath: string;
  stubHeaders: Array<[string, string]>;
  stubBody: string;
}

export function startStubServer({ stubPath, stubHeaders, stubBody }: StubServerOptions): Promise<RawServer> {
  return startRawServer((req, socket) => {
    const [method = '', target = ''] = req.requestLine.split(' ');
    const close: [string, string] = ['Connection', 'close'];
    if (target.split('?')[0] === stubPath)
      socket.end(rawResponse(501, 'Not Implemented', [...stubHeaders, close], stubBody));
    else if (method === 'OPTIONS')
      socket.end(rawResponse(204, 'No Content', [['Allow', 'GET, POST, OPTIONS'], close]));
    else socket.end(rawResponse(404, 'Not Found', [['Content-Type', 'text/plain'], close], 'no such thing'));
  });
}
