// HTTP paths of the web host, shared by the server and the renderer's HTTP transport (no imports: tiny in the bundle).

export const httpRoutePrefix = '/api/call/';
export const httpEventsPath = '/api/events';
export const httpHealthPath = '/api/health';

/** Whether a request path is a call (the API, its events, the health check) rather than the page or one of its files. */
export const isHttpCall = (path: string): boolean => path === httpHealthPath || path === httpEventsPath || path.startsWith(httpRoutePrefix);
