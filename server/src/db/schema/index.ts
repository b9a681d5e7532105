export * from './access.ts';
export * from './center.ts';
export * from './queue.ts';
export * from './printing.ts';
export * from './audit.ts';
export * from './rollups.ts';
export * from './feedback.ts';
export * from './integrations.ts';
