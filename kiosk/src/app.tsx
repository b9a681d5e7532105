import { AppShell } from '@luot/shared/ui';

export function App() {
  return <AppShell titleKey="kioskTitle" />;
}
