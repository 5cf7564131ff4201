import { createApp } from './lib/create-app.ts'
import { contact } from './routes/contact/index.tsx'
import { health } from './routes/health/index.ts'

/** The Hono app with every route mounted; `index.ts` exports it as the Worker. */
export const app = createApp().route('/', health).route('/', contact)

export type App = typeof app
