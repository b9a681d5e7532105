export declare const layers: Record<
  'domain' | 'db' | 'adapters' | 'reports' | 'services' | 'feedback' | 'ws' | 'http' | 'seed' | 'security' | 'root' | 'test-support',
  { folders: string[]; may: string[] }
>;
