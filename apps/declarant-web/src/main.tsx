// Entry point: mounts the declarant UI into #root, with its data cache and its router.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClientProvider } from '@tanstack/react-query';
import { createBrowserRouter } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import './shared/base.css';
import { routes } from './app/routes';
import { createQueryClient } from './shared/query-client';

const root = document.getElementById('root');
if (root === null) throw new Error('Missing #root element in index.html');

const router = createBrowserRouter(routes);

createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={createQueryClient()}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  </StrictMode>,
);
