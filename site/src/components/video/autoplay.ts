import { mayPlayByItself } from '../../lib/video-autoplay.ts'

// Plays each "plays by itself" video muted and looping while it is in view, and only where the
// visitor asks neither for less motion nor to save data (re-checked each time, since either can
// change while the page is open). Its controls stay: a video the visitor pauses (by mouse or
// keyboard) is never started again, and one the visitor plays is never paused by this script.
const SELECTOR = 'video[data-plays-by-itself]'
const reducedMotion = matchMedia('(prefers-reduced-motion: reduce)')
const allowed = () =>
  mayPlayByItself({
    reducedMotion: reducedMotion.matches,
    saveData: (navigator as { connection?: { saveData?: boolean } }).connection?.saveData,
  })

/** Playing because this script started it (and so paused by it when out of view). */
const startedHere = new WeakSet<HTMLVideoElement>()
/** Paused by the visitor: left alone from then on. */
const heldByVisitor = new WeakSet<HTMLVideoElement>()
/** A pause this script asked for, so its `pause` event is not taken for the visitor's. */
const pausingHere = new WeakSet<HTMLVideoElement>()
const inView = new WeakSet<HTMLVideoElement>()

function start(video: HTMLVideoElement) {
  if (!video.paused || heldByVisitor.has(video) || !inView.has(video) || !allowed()) return
  video.muted = true
  video.loop = true
  startedHere.add(video)
  // Muted playback may start unasked; a browser that still refuses keeps the poster and controls.
  video.play().catch(() => startedHere.delete(video))
}

function stop(video: HTMLVideoElement) {
  if (video.paused || !startedHere.has(video)) return
  pausingHere.add(video)
  video.pause()
}

const observer = new IntersectionObserver((entries) => {
  for (const { target, isIntersecting } of entries) {
    const video = target as HTMLVideoElement
    if (isIntersecting) {
      inView.add(video)
      start(video)
    } else {
      inView.delete(video)
      stop(video)
    }
  }
})

for (const video of document.querySelectorAll<HTMLVideoElement>(SELECTOR)) {
  video.addEventListener('pause', () => {
    if (pausingHere.delete(video)) return
    heldByVisitor.add(video)
    startedHere.delete(video)
  })
  observer.observe(video)
}

reducedMotion.addEventListener('change', () => {
  for (const video of document.querySelectorAll<HTMLVideoElement>(SELECTOR))
    if (reducedMotion.matches) stop(video)
    else start(video)
})
