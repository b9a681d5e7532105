// What the three apps share in the browser: the React shell, the live link to /ws and HTTP calls.
// Browser-only: the server imports the package root, never this.
export * from './api-request.ts';
export * from './app-header.tsx';
export * from './app-shell.tsx';
export * from './clock.tsx';
export * from './connection-banner.tsx';
export * from './connection-status.tsx';
export * from './device-token-state.ts';
export * from './device-token-store.ts';
export * from './health.ts';
export * from './language-switch.tsx';
export * from './live-frames.ts';
export * from './live-socket.ts';
export * from './mount-app.tsx';
export * from './use-health.ts';
export * from './use-device-token.ts';
export * from './use-lang.ts';
export * from './use-now.ts';
export * from './vn-time.ts';
