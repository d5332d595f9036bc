// Entry point: mounts the declarant UI into #root, with its data cache.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClientProvider } from '@tanstack/react-query';
import './shared/base.css';
import { App } from './app/app';
import { createQueryClient } from './shared/query-client';

const root = document.getElementById('root');
if (root === null) throw new Error('Missing #root element in index.html');

createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={createQueryClient()}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
);
