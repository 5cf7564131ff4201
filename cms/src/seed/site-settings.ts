import type { SiteSetting } from '../payload-types.ts'

/** The demo studio's site-wide settings; `image` is the id of the seeded social image. */
export function siteSettings(image: number): Omit<SiteSetting, 'id' | 'updatedAt' | 'createdAt'> {
  return {
    siteName: 'Kairo',
    navigation: [
      { link: { type: 'custom', url: '/services', label: 'Services' } },
      { link: { type: 'custom', url: '/work', label: 'Work' } },
      { link: { type: 'custom', url: '/about', label: 'About' } },
      { link: { type: 'custom', url: '/contact', label: 'Contact' } },
    ],
    footerText: 'Kairo is a design studio for space and planets, working from Lisbon since 2019.',
    socialLinks: [
      { platform: 'instagram', url: 'https://instagram.com/kairo.studio' },
      { platform: 'linkedin', url: 'https://www.linkedin.com/company/kairo-studio' },
      { platform: 'github', url: 'https://github.com/kairo-studio' },
    ],
    contactEmail: 'hello@kairo.studio',
    seoDefaults: {
      title: 'Kairo — a design studio for space and planets',
      description:
        'Exhibits, launch campaigns, mission interfaces and real-time 3D for people who work with the sky.',
      image,
    },
  }
}
