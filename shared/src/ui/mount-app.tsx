import { StrictMode, type ComponentType } from 'react';
import { createRoot } from 'react-dom/client';

/** Renders an app into the `#root` element of its index.html, under StrictMode. */
export function mountApp(App: ComponentType): void {
  const container = document.getElementById('root');
  if (!container) {
    throw new Error('index.html must contain an element with id "root"');
  }

  createRoot(container).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
