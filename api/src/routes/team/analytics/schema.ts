import { z } from '@hono/zod-openapi'
import { ANALYTICS_PERIODS, type AnalyticsWeeks, DEFAULT_ANALYTICS_WEEKS } from '../../../data/analytics.ts'

// The analytics' period, shared by the page's selector and `GET /api/v1/analytics`.

/**
 * `?weeks=`: 12, 26 or 52; anything else (or nothing) is the default, 12. A hand-edited address
 * shows the default period rather than an error.
 */
export const analyticsQuery = z.object({
  weeks: z
    .preprocess(
      (value) => {
        const weeks = Number(value)
        return ANALYTICS_PERIODS.includes(weeks as AnalyticsWeeks) ? weeks : DEFAULT_ANALYTICS_WEEKS
      },
      z.union(
        ANALYTICS_PERIODS.map((weeks) => z.literal(weeks)) as [
          z.ZodLiteral<12>,
          z.ZodLiteral<26>,
          z.ZodLiteral<52>,
        ],
      ),
    )
    .openapi({
      type: 'integer',
      enum: [...ANALYTICS_PERIODS],
      description: 'The period in weeks (the current week and the ones before); 12 unless 26 or 52',
    }),
})
