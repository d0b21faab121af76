// The AI SDK port in its own process, as the baseline chat-api is measured against.
import { createAiSdkPort } from './ai-sdk-port';
import { loadBenchEnv } from './env';
import { benchInstructions } from './fixtures';
import { listen } from './listen';

const { modelUrl } = loadBenchEnv();
const port = createAiSdkPort({
  baseURL: modelUrl,
  model: 'bench',
  instructions: benchInstructions,
});
console.log(JSON.stringify({ url: await listen(port.fetch) }));
