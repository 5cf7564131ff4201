import type { GlobalConfig } from 'payload'

import { anyone } from '../../access/anyone.ts'
import { isAdmin } from '../../access/is-admin.ts'
import { linkField } from '../../fields/link.ts'
import { SEO_DESCRIPTION_MAX, SEO_TITLE_MAX } from '../../fields/seo.ts'

export const SOCIAL_PLATFORMS = [
  'instagram',
  'linkedin',
  'github',
  'bluesky',
  'mastodon',
  'youtube',
  'vimeo',
  'behance',
  'dribbble',
] as const

/**
 * Site-wide settings: name, navigation, footer, social links, contact email and the SEO defaults a
 * page falls back to. Anyone reads them (the site's build does); only admins change them.
 */
export const SiteSettings: GlobalConfig = {
  slug: 'site-settings',
  access: { read: anyone, update: isAdmin },
  fields: [
    { name: 'siteName', type: 'text', required: true },
    {
      name: 'navigation',
      type: 'array',
      maxRows: 8,
      admin: { description: 'The header links, in order.' },
      fields: [linkField()],
    },
    { name: 'footerText', type: 'textarea' },
    {
      name: 'socialLinks',
      type: 'array',
      maxRows: 10,
      fields: [
        {
          name: 'platform',
          type: 'select',
          required: true,
          options: SOCIAL_PLATFORMS.map((value) => ({
            label: value[0]?.toUpperCase() + value.slice(1),
            value,
          })),
        },
        {
          name: 'url',
          type: 'text',
          required: true,
          validate: (value: unknown) =>
            typeof value === 'string' && /^https:\/\/\S+$/.test(value)
              ? true
              : 'Use the full https:// address.',
        },
      ],
    },
    { name: 'contactEmail', type: 'email', required: true },
    {
      // The site's optional field Core Web Vitals beacon (site/README.md "Field Core Web Vitals"). Off
      // by default: pages then carry no script at all. The studio's operations view shows the p75s.
      name: 'fieldVitals',
      label: 'Field Core Web Vitals',
      type: 'group',
      admin: {
        description:
          'Measure how fast real visitors see and use each page type (LCP, INP, CLS). A small inline script (under 1.5 KB) reports the figures of a sample of page views, with no cookie and nothing personal. Takes effect on the next site build.',
      },
      fields: [
        { name: 'enabled', label: 'Measure field Core Web Vitals', type: 'checkbox', defaultValue: false },
        {
          name: 'sampleRate',
          label: 'Sample rate (% of page views)',
          type: 'number',
          defaultValue: 10,
          min: 1,
          max: 100,
          admin: { step: 1, condition: (_, siblingData) => Boolean(siblingData?.enabled) },
          validate: (value: unknown) =>
            value === null ||
            value === undefined ||
            (typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 100)
              ? true
              : 'Give a whole percentage from 1 to 100.',
        },
      ],
    },
    {
      name: 'seoDefaults',
      label: 'SEO defaults',
      type: 'group',
      fields: [
        { name: 'title', type: 'text', maxLength: SEO_TITLE_MAX },
        { name: 'description', type: 'textarea', maxLength: SEO_DESCRIPTION_MAX },
        { name: 'image', type: 'upload', relationTo: 'media' },
      ],
    },
  ],
}
