/** A demo team member; `portraitKey` names a seed image. */
export interface SeedTeamMember {
  name: string
  role: string
  bio: string
  portraitKey: string
  order: number
}

/** The demo studio's three people. */
export const teamMembers: SeedTeamMember[] = [
  {
    name: 'Inès Moreau',
    role: 'Founder and creative director',
    bio: 'Trained as an astrophysicist, left the observatory for design. Inès leads every project from the first workshop and still checks the orbital mechanics herself.',
    portraitKey: 'portrait-ines',
    order: 10,
  },
  {
    name: 'Tomás Reyes',
    role: 'Technical lead',
    bio: 'Tomás builds the interactive side: real-time 3D, data interfaces and the build pipelines that keep launch sites fast under load.',
    portraitKey: 'portrait-tomas',
    order: 20,
  },
  {
    name: 'Amara Okafor',
    role: 'Interaction designer',
    bio: 'Amara designs for people standing in a museum foyer or sitting through a night shift, and tests every screen with them before it ships.',
    portraitKey: 'portrait-amara',
    order: 30,
  },
]

/** A demo testimonial, tied to a seed case study by its slug. */
export interface SeedTestimonial {
  quote: string
  person: string
  company: string
  caseStudySlug: string
}

/** What the demo clients said, one per case study. */
export const testimonials: SeedTestimonial[] = [
  {
    quote:
      'For the first time our visitors understand how empty space really is. School groups now book the walk as a lesson of its own.',
    person: 'Dr Helena Brandt',
    company: 'City Planetarium',
    caseStudySlug: 'walk-the-solar-system',
  },
  {
    quote:
      'We published first light from the CMS at four in the morning and the site simply kept up. Nobody had to wake a developer.',
    person: 'Kofi Mensah',
    company: 'Nova Orbital',
    caseStudySlug: 'first-light-nova-orbital',
  },
  {
    quote:
      'New operators learn the desk in one shift. Missed contact windows went to zero the quarter we switched.',
    person: 'Signe Lund',
    company: 'Northlight Ground Stations',
    caseStudySlug: 'orbit-desk',
  },
]
