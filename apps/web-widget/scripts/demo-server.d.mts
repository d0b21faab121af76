import type { Server } from 'node:http';

/** Options of {@link createDemoServer}. */
export type DemoServerOptions = {
  /** The chat-api URL written into the pages' `data-api-url`. */
  apiUrl: string;
  /** Extra HTML pages by path, e.g. `/hostile.html`. */
  pages?: Record<string, string>;
};

/** The demo site's static server, not yet listening. */
export function createDemoServer(options: DemoServerOptions): Server;
