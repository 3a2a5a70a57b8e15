import type { ComponentChildren } from 'preact';
import { currentPath, isNativeClick, navigate, normalisePath } from '../router';

interface LinkProps {
  /** A path of this web app, e.g. "/status". Use a plain <a> for anything the server serves. */
  href: string;
  class?: string;
  /** Marks the link aria-current="true" (the current one of a set) when it is not the page. */
  current?: boolean;
  children: ComponentChildren;
}

/** An ordinary <a> that navigates without a page load; marks itself aria-current when active. */
export function Link({ href, class: className, current = false, children }: LinkProps) {
  const active = normalisePath(href) === currentPath();
  const ariaCurrent = active ? 'page' : current ? 'true' : undefined;
  const onClick = (event: MouseEvent) => {
    if (isNativeClick(event)) return;
    event.preventDefault();
    navigate(href);
  };
  return (
    <a href={href} class={className} aria-current={ariaCurrent} onClick={onClick}>
      {children}
    </a>
  );
}
