import { createApp } from './lib/create-app.ts'
import { health } from './routes/health/index.ts'

/** The Hono app with every route mounted; `index.ts` exports it as the Worker. */
export const app = createApp().route('/', health)

export type App = typeof app
