// A schedule's next 7 days as one bar per local day (midnight to midnight, in the schedule's time zone): each
// stretch coloured per person on call, gaps hatched red, with a legend and the total time nobody is on call.
import { Box, Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../../../../web/ui/query-state.tsx';
import { type Coverage, coverageQuery, type ScheduleOut } from '../queries.ts';
import { localDays, localText, weekdayOf } from '../zoned.ts';
import { weekdayKey } from './schedule-text.ts';

const palette = ['blue', 'teal', 'grape', 'orange', 'cyan', 'lime', 'pink', 'indigo', 'violet', 'green'];
const GAP = 'repeating-linear-gradient(135deg, var(--mantine-color-red-6) 0 3px, var(--mantine-color-red-1) 3px 7px)';
const PAST = 'var(--mantine-color-default-border)';

/** A colour per person: rotation order first, then people who only appear in overrides. */
export function personColors(s: ScheduleOut): Map<string, string> {
  const ids = [...new Set([...s.participants, ...s.overrides.map((o) => o.userId)])];
  return new Map(ids.map((id, i) => [id, `var(--mantine-color-${palette[i % palette.length]}-6)`]));
}

/** Minutes as "99 小時" / "3 小時 15 分鐘" / "45 分鐘". */
export function useDuration() {
  const { t } = useTranslation();
  const k = 'warnings.oncall';
  return (minutes: number) => {
    const h = Math.floor(minutes / 60);
    const m = minutes % 60;
    if (h === 0) return t(`${k}.minutes`, { count: m });
    return m === 0 ? t(`${k}.hours`, { count: h }) : t(`${k}.hoursMinutes`, { hours: h, minutes: m });
  };
}

function Swatch({ background, label }: { background: string; label: string }) {
  return (
    <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }}>
      <Box w={14} h={14} style={{ background, borderRadius: 3, flex: 'none' }} />
      <Text size="xs" style={{ overflowWrap: 'anywhere' }}>
        {label}
      </Text>
    </Group>
  );
}

type Props = { schedule: ScheduleOut; names: Map<string, string> };

function Strip({ schedule: s, names, coverage }: Props & { coverage: Coverage }) {
  const { t } = useTranslation();
  const k = 'warnings.oncall';
  const duration = useDuration();
  const colors = personColors(s);
  const segs = coverage.segments.map((g) => ({ ...g, from: Date.parse(g.start), to: Date.parse(g.end) }));
  const first = segs[0]?.from ?? Date.now();
  const who = (id: string | null) => (id === null ? t(`${k}.gap`) : (names.get(id) ?? t(`${k}.formerMember`)));
  const shown = new Set(segs.map((g) => g.userId));
  return (
    <Stack gap={6} data-testid="coverage-strip">
      <Text size="sm" fw={600}>
        {t(`${k}.next7`)}
      </Text>
      {localDays(first, 7, s.timeZone).map((d) => {
        const span = d.end - d.start;
        const pct = (a: number) => `${(Math.max(0, Math.min(span, a - d.start)) / span) * 100}%`;
        return (
          <Group key={d.date} gap={8} wrap="nowrap" data-testid="coverage-day">
            <Text size="xs" c="dimmed" w={64} style={{ flex: 'none', whiteSpace: 'nowrap' }}>
              {t(weekdayKey(weekdayOf(d.date)))} {Number(d.date.slice(5, 7))}/{Number(d.date.slice(8, 10))}
            </Text>
            <Box pos="relative" h={18} style={{ flex: 1, minWidth: 0, background: PAST, borderRadius: 4, overflow: 'hidden' }}>
              {segs
                .filter((g) => g.to > d.start && g.from < d.end)
                .map((g) => {
                  const label = t(`${k}.segment`, {
                    who: who(g.userId),
                    from: localText(Math.max(g.from, d.start), s.timeZone).time,
                    to: g.to >= d.end ? '24:00' : localText(g.to, s.timeZone).time,
                  });
                  return (
                    <Box
                      key={g.start}
                      pos="absolute"
                      top={0}
                      bottom={0}
                      left={pct(g.from)}
                      style={{
                        width: `calc(${pct(g.to)} - ${pct(g.from)})`,
                        background: g.userId === null ? GAP : colors.get(g.userId),
                      }}
                      title={label}
                      aria-label={label}
                      data-gap={g.userId === null ? 'true' : undefined}
                    />
                  );
                })}
            </Box>
          </Group>
        );
      })}
      <Group gap="sm" wrap="wrap" data-testid="coverage-legend">
        {[...colors]
          .filter(([id]) => shown.has(id))
          .map(([id, c]) => (
            <Swatch key={id} background={c} label={who(id)} />
          ))}
        {shown.has(null) ? <Swatch background={GAP} label={t(`${k}.gap`)} /> : null}
        <Swatch background={PAST} label={t(`${k}.before`)} />
      </Group>
      <Text size="sm" fw={600} c={coverage.gapMinutes > 0 ? 'red' : 'teal'} data-testid="coverage-gap">
        {coverage.gapMinutes > 0 ? t(`${k}.gapTotal`, { duration: duration(coverage.gapMinutes) }) : t(`${k}.noGaps`)}
      </Text>
    </Stack>
  );
}

/** The coverage strip of a schedule, loaded from the server. */
export function CoverageStrip(props: Props) {
  const coverage = useQuery(coverageQuery(props.schedule.id));
  return <QueryState query={coverage}>{(c) => <Strip {...props} coverage={c} />}</QueryState>;
}
