// The zero-latency OpenAI-compatible model, in its own process so that its CPU time per turn can
// be read apart from the servers under test and the load generator.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createOpenAITestServer } from '@org/ai-core/test';
import { benchReply } from './fixtures';
import { cpuPath } from './listen';

const model = await createOpenAITestServer({ respond: () => ({ text: benchReply }) });
// The test server's routes are its own: this process's CPU time is read on a second port.
const cpu = createServer((request, response) => {
  response.writeHead(request.url === cpuPath ? 200 : 404, { 'content-type': 'application/json' });
  response.end(JSON.stringify(process.cpuUsage()));
});
await new Promise<void>((resolve) => cpu.listen(0, '127.0.0.1', resolve));
const { port } = cpu.address() as AddressInfo;
console.log(JSON.stringify({ url: model.url, cpuUrl: `http://127.0.0.1:${port}${cpuPath}` }));
