import type { AutomationRunOutcome, AutomationStatus, ProjectStatus } from '@kairo/db'

// How the dashboard writes dates, sizes, durations and states. Dates are in UTC and say so: the
// Worker cannot know the reader's time zone without JavaScript.

const DATE = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
})
const DATE_TIME = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZone: 'UTC',
})

/** "4 Mar 2025". */
export function formatDate(date: Date): string {
  return DATE.format(date)
}

/** "4 Mar 2025, 09:30 UTC". */
export function formatDateTime(date: Date): string {
  return `${DATE_TIME.format(date)} UTC`
}

/** "840 B", "12.5 KB", "3.4 MB" (decimal units, as file managers show them). */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`
  const units = ['KB', 'MB', 'GB', 'TB']
  let value = bytes / 1000
  let unit = 0
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000
    unit++
  }
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`
}

/** "840 ms", "3.0 s", "2 min 5 s". */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${ms} ms`
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`
  const minutes = Math.floor(ms / 60_000)
  const seconds = Math.round((ms % 60_000) / 1000)
  return seconds === 0 ? `${minutes} min` : `${minutes} min ${seconds} s`
}

const FILE_TYPES: Record<string, string> = {
  'application/pdf': 'PDF document',
  'application/zip': 'ZIP archive',
  'image/png': 'PNG image',
  'image/jpeg': 'JPEG image',
  'image/svg+xml': 'SVG image',
  'image/webp': 'WebP image',
  'video/mp4': 'MP4 video',
  'model/gltf-binary': '3D model (GLB)',
  'text/plain': 'Text file',
  'text/csv': 'CSV spreadsheet',
}

/** A content type in words ("PDF document"); unknown ones as they are. */
export function fileTypeLabel(contentType: string): string {
  return FILE_TYPES[contentType.split(';')[0]?.trim().toLowerCase() ?? ''] ?? contentType
}

/** A badge's words and its tone (the colour only repeats what the words say). */
export interface StateLabel {
  text: string
  tone: 'good' | 'active' | 'warn' | 'bad' | 'neutral'
}

export const PROJECT_STATUS: Record<ProjectStatus, StateLabel> = {
  planning: { text: 'Planning', tone: 'neutral' },
  in_progress: { text: 'In progress', tone: 'active' },
  review: { text: 'In review', tone: 'warn' },
  done: { text: 'Done', tone: 'good' },
}

export const AUTOMATION_STATUS: Record<AutomationStatus, StateLabel> = {
  active: { text: 'Running', tone: 'good' },
  paused: { text: 'Paused', tone: 'warn' },
  draft: { text: 'Draft', tone: 'neutral' },
}

export const RUN_OUTCOME: Record<AutomationRunOutcome, StateLabel> = {
  success: { text: 'Succeeded', tone: 'good' },
  failure: { text: 'Failed', tone: 'bad' },
  running: { text: 'Running', tone: 'active' },
}
