import type { AddedTtft } from './ttft';
import { type ContenderFigures, modelCpu, roundRatio, serverCpu } from './versus';

const ms = (us: number) => `${(us / 1000).toFixed(2)} ms`;

/**
 * The table the issue asks for: chat-api, the AI SDK port, and chat-api ÷ port. req/s and CPU
 * ratios are medians of each round's ratio (the two ran next to each other in time); the added
 * time to first token is the median of the sample-by-sample differences to the model server.
 */
export function printSummary(chatApi: ContenderFigures, port: ContenderFigures, ttft: AddedTtft) {
  const rows: [string, string, string, number][] = [
    [
      'POST /chat req/s',
      chatApi.rps.toFixed(0),
      port.rps.toFixed(0),
      roundRatio(chatApi, port, (entry) => entry.rps),
    ],
    ['POST /chat p50 latency', `${chatApi.p50} ms`, `${port.p50} ms`, chatApi.p50 / port.p50],
    ['POST /chat p99 latency', `${chatApi.p99} ms`, `${port.p99} ms`, chatApi.p99 / port.p99],
    [
      'server CPU per turn',
      ms(chatApi.serverCpuUs),
      ms(port.serverCpuUs),
      roundRatio(chatApi, port, serverCpu),
    ],
    [
      'model-server CPU per turn',
      ms(chatApi.modelCpuUs),
      ms(port.modelCpuUs),
      roundRatio(chatApi, port, modelCpu),
    ],
    [
      'added TTFT p50 (/chat/stream)',
      `${ttft.chatApiPaired.toFixed(2)} ms`,
      `${ttft.portPaired.toFixed(2)} ms`,
      ttft.chatApiPaired / ttft.portPaired,
    ],
  ];
  console.log(
    '\n## chat-api ÷ AI SDK port (targets: server CPU ≤ 1.0, req/s ≥ 1.0, added TTFT ≤ 1.0)',
  );
  console.log(
    `${''.padEnd(30)}${'chat-api'.padStart(12)}${'AI SDK port'.padStart(14)}${'÷'.padStart(8)}`,
  );
  for (const [name, ours, theirs, ratio] of rows) {
    console.log(
      `${name.padEnd(30)}${ours.padStart(12)}${theirs.padStart(14)}${ratio.toFixed(2).padStart(8)}`,
    );
  }
  const failures = chatApi.failures + port.failures;
  if (failures > 0)
    console.log(`(failed requests: chat-api ${chatApi.failures}, port ${port.failures})`);
}
