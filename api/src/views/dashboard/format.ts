import type { AutomationRunOutcome, AutomationStatus, ProjectStatus } from '@kairo/db'
import type { BadgeProps } from '../kit/badge.tsx'

// How the dashboard writes sizes, durations and states (dates: `../kit/date-time.tsx`).

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

export const PROJECT_STATUS: Record<ProjectStatus, BadgeProps> = {
  planning: { text: 'Planning', tone: 'neutral' },
  in_progress: { text: 'In progress', tone: 'active' },
  review: { text: 'In review', tone: 'warn' },
  done: { text: 'Done', tone: 'good' },
}

export const AUTOMATION_STATUS: Record<AutomationStatus, BadgeProps> = {
  active: { text: 'Running', tone: 'good' },
  paused: { text: 'Paused', tone: 'warn' },
  draft: { text: 'Draft', tone: 'neutral' },
}

export const RUN_OUTCOME: Record<AutomationRunOutcome, BadgeProps> = {
  success: { text: 'Succeeded', tone: 'good' },
  failure: { text: 'Failed', tone: 'bad' },
  running: { text: 'Running', tone: 'active' },
}
