/** The test process's environment, for servers the e2e tests start (they inherit PATH and friends). */
export function processEnvironment(): Record<string, string | undefined> {
  return { ...process.env };
}
