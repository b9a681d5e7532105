export declare const layers: Record<
  | 'domain' | 'db' | 'adapters' | 'reports' | 'services' | 'feedback' | 'ws' | 'http' | 'seed' | 'sync' | 'config' | 'hub'
  | 'ops' | 'paths' | 'security' | 'root' | 'test-support',
  { folders?: string[]; files?: string[]; may: string[] }
>;
