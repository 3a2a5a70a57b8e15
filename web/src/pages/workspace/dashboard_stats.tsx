// A row of figures with their names, as a description list (the dashboard's cards).

export interface Stat {
  label: string;
  value: number | string;
  /** Marks a figure that needs attention when it is not zero. */
  warn?: boolean;
  testId?: string;
}

export function Stats({ stats, label }: { stats: readonly Stat[]; label: string }) {
  return (
    <dl class="stats" aria-label={label}>
      {stats.map((stat) => (
        <div
          key={stat.label}
          class={stat.warn && stat.value !== 0 ? 'stats__item stats__item--warn' : 'stats__item'}
          data-testid={stat.testId}
        >
          <dt class="stats__label">{stat.label}</dt>
          <dd class="stats__value">
            {typeof stat.value === 'number' ? stat.value.toLocaleString() : stat.value}
          </dd>
        </div>
      ))}
    </dl>
  );
}
