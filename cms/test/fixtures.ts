import type { CollectionSlug, Payload, TypedUser } from 'payload'
import sharp from 'sharp'

/** Stand-ins for signed-in users: access rules read only `role` (and `id` for "self"). */
export const actors = {
  anonymous: undefined,
  editor: { id: -1, role: 'editor', email: 'matrix-editor@kairo.test', collection: 'users' } as TypedUser,
  admin: { id: -2, role: 'admin', email: 'matrix-admin@kairo.test', collection: 'users' } as TypedUser,
} as const
export type ActorName = keyof typeof actors

/** A real PNG of the given size (a gradient), as Payload's Local API takes an uploaded file. */
export async function pngFile(name: string, width = 1600, height = 1000) {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><defs><linearGradient id="g"><stop offset="0" stop-color="#123"/><stop offset="1" stop-color="#f90"/></linearGradient></defs><rect width="100%" height="100%" fill="url(#g)"/></svg>`
  const data = await sharp(Buffer.from(svg)).png().toBuffer()
  return { data, mimetype: 'image/png', name, size: data.length }
}

/** Records what a test file creates and deletes it all afterwards, bypassing access rules. */
export class Cleanup {
  private readonly items: { collection: CollectionSlug; id: number }[] = []
  private readonly payload: () => Payload
  constructor(payload: () => Payload) {
    this.payload = payload
  }

  add(collection: CollectionSlug, id: number): void {
    this.items.push({ collection, id })
  }

  async run(): Promise<void> {
    for (const { collection, id } of this.items.reverse()) {
      // A test may already have deleted it (the delete checks of the access matrix do).
      await this.payload()
        .delete({ collection, id })
        .catch(() => undefined)
    }
  }
}
