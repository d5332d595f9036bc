// Messages shown above a form or a page: errors (role="alert") and notices (role="status").
import type { ReactNode } from 'react';

/** An error sentence for the whole form or page; renders nothing when `message` is null. */
export function ErrorAlert({ message }: { message: string | null | undefined }) {
  if (message === null || message === undefined) return null;
  return (
    <p className="alert alert-error" role="alert">
      {message}
    </p>
  );
}

/** A polite notice (success, information); renders nothing when `children` is empty. */
export function Notice({ children }: { children: ReactNode }) {
  if (children === null || children === undefined || children === false || children === '') {
    return null;
  }
  return (
    <div className="alert alert-info" role="status">
      {children}
    </div>
  );
}
