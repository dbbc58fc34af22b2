// HTTP paths of the web host, shared by the server and the renderer's HTTP transport (no imports: tiny in the bundle).

export const httpRoutePrefix = '/api/call/';
export const httpEventsPath = '/api/events';
export const httpHealthPath = '/api/health';
