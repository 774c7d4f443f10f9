/** Shown for an address the app has no page for, instead of silently showing the register. */
import { currentPath, navigate } from '../../router';
import styles from './not-found.module.css';

export function NotFoundView() {
  return (
    <section class={`card ${styles.notFound}`} data-testid="not-found">
      <h1>There is no such page</h1>
      <p>
        Tillite has no page at <code>{currentPath.value}</code>. Perhaps the address was mistyped or comes from an
        old bookmark. Nothing has changed in your shop.
      </p>
      <p>
        <a
          class={styles.back}
          href="/"
          onClick={(e) => {
            e.preventDefault();
            navigate('/');
          }}
        >
          Go to the register
        </a>
      </p>
    </section>
  );
}
