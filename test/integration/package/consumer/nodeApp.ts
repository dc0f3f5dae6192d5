// A Node program that uses the installed package as a user would: the collector and the emulator.
import { createEdgeCollector, EdgeCollectorError, type SendResult } from 'edge-collector';
import { startEmulator, type RunningEmulator } from 'edge-collector/emulator';

const datastreamId = '2f6c9b0e-3c1d-4e5f-8a7b-9c0d1e2f3a4b';
const emulator: RunningEmulator = await startEmulator({ port: 0, datastreams: [{ id: datastreamId }] });
try {
  const collector = createEdgeCollector({ datastreamId, edgeUrl: emulator.origin });
  const result: SendResult = await collector.sendPageView({ name: 'home', url: 'https://example.com/' });
  const stored = (await (await fetch(`${emulator.origin}/api/events`)).json()) as unknown;
  const configError = (() => {
    try {
      createEdgeCollector({ datastreamId: 'not-a-uuid' });
      return null;
    } catch (error) {
      return error instanceof EdgeCollectorError ? error.code : 'not an EdgeCollectorError';
    }
  })();
  console.log(JSON.stringify({ requestId: result.requestId, stored, configError }));
} finally {
  await emulator.close();
}
