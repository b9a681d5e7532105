export * from './api.ts';
export * from './domain.ts';
export * from './errors.ts';
export * from './printing.ts';
export * from './ws.ts';
export * from './i18n.ts';
export * from './voice.ts';
export * from './admin.ts';
