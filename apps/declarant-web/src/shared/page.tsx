// A page's frame: its <h1> and the browser tab title.
import { useEffect } from 'react';
import type { ReactNode } from 'react';

/** Sets document.title to "<title> — Passerelle" and renders the page heading and content. */
export function Page({ title, children }: { title: string; children: ReactNode }) {
  useEffect(() => {
    document.title = `${title} — Passerelle`;
  }, [title]);
  return (
    <>
      <h1 tabIndex={-1}>{title}</h1>
      {children}
    </>
  );
}

/** "Chargement…", announced politely. */
export function Loading() {
  return (
    <p className="loading" aria-live="polite">
      Chargement…
    </p>
  );
}
