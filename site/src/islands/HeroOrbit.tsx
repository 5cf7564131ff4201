import { useFrame, useThree } from '@react-three/fiber'
import { useEffect, useRef, useState } from 'react'
import type { IslandModel } from '../lib/models.ts'
import { LodModel } from './LodModel.tsx'
import { markReady, Stage } from './Stage.tsx'
import { useIdleMotion } from './spin.ts'

export interface OrbitPlanet {
  href: string
  /** The service's model, or null: a plain sphere stands in. */
  model: IslandModel | null
}

interface HeroOrbitProps {
  planets: OrbitPlanet[]
  /** The id of the HTML list of service links (in the page, outside the island). */
  listId: string
  background: string
}

const PLANET_RADIUS = 0.55
const orbitRadius = (index: number) => 2.2 + index * 1.5
const COLOURS = ['#f59e4c', '#4cc3b5', '#8b7cf6', '#e0607e', '#6fb1ff', '#c7d36f']

/**
 * Follows keyboard focus and hover in the list of service links, so the focused link's planet
 * lights up. The links stay real HTML: the island only mirrors them.
 */
function useHighlighted(listId: string): number | null {
  const [index, setIndex] = useState<number | null>(null)
  useEffect(() => {
    const list = document.getElementById(listId)
    if (!list) return
    // The stage names the lit planet (`data-lit-planet`) for styles and tests.
    const stage = list.closest<HTMLElement>('[data-island]')
    const show = (value: number | null) => {
      setIndex(value)
      if (stage) stage.dataset.litPlanet = value === null ? '' : String(value)
    }
    const pick = (event: Event) => {
      const link = (event.target as HTMLElement).closest<HTMLElement>('[data-planet]')
      show(link ? Number(link.dataset.planet) : null)
    }
    const clear = () => show(null)
    list.addEventListener('focusin', pick)
    list.addEventListener('pointerover', pick)
    list.addEventListener('focusout', clear)
    list.addEventListener('pointerleave', clear)
    return () => {
      list.removeEventListener('focusin', pick)
      list.removeEventListener('pointerover', pick)
      list.removeEventListener('focusout', clear)
      list.removeEventListener('pointerleave', clear)
    }
  }, [listId])
  return index
}

function Planet(props: { planet: OrbitPlanet; index: number; highlighted: boolean; angle: number }) {
  const { planet, index, highlighted, angle } = props
  const size = highlighted ? PLANET_RADIUS * 1.35 : PLANET_RADIUS
  const r = orbitRadius(index)
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: a three.js group, not DOM; keyboard users have the HTML list of the same links
    <group
      position={[Math.cos(angle) * r, 0, Math.sin(angle) * r]}
      onClick={() => window.location.assign(planet.href)}
      onPointerOver={() => {
        document.body.style.cursor = 'pointer'
      }}
      onPointerOut={() => {
        document.body.style.cursor = ''
      }}
    >
      {planet.model ? (
        <LodModel model={planet.model} scale={size / planet.model.radius} intent={highlighted} />
      ) : (
        <mesh scale={size}>
          <sphereGeometry args={[1, 32, 16]} />
          <meshStandardMaterial color={COLOURS[index % COLOURS.length]} roughness={0.7} />
        </mesh>
      )}
      {highlighted && (
        <mesh rotation={[Math.PI / 2, 0, 0]}>
          <torusGeometry args={[size * 1.5, 0.03, 8, 64]} />
          <meshBasicMaterial color="#ffffff" />
        </mesh>
      )}
    </group>
  )
}

function System({ planets, listId }: Omit<HeroOrbitProps, 'background'>) {
  const highlighted = useHighlighted(listId)
  const [time, setTime] = useState(0)
  const camera = useThree((state) => state.camera)
  const gl = useThree((state) => state.gl)
  const shown = useRef(false)
  useIdleMotion((delta) => setTime((t) => t + delta))
  useEffect(() => camera.lookAt(0, 0, 0), [camera])
  useFrame(() => {
    if (shown.current) return
    shown.current = true
    requestAnimationFrame(() => markReady(gl.domElement))
  })
  return (
    <group>
      <mesh>
        <sphereGeometry args={[0.9, 32, 16]} />
        <meshBasicMaterial color="#ffd27a" />
      </mesh>
      {planets.map((planet, index) => (
        <group key={planet.href}>
          <mesh rotation={[Math.PI / 2, 0, 0]}>
            <torusGeometry args={[orbitRadius(index), 0.008, 4, 128]} />
            <meshBasicMaterial color="#3a4157" />
          </mesh>
          <Planet
            planet={planet}
            index={index}
            highlighted={highlighted === index}
            // Outer planets are slower, as in any orbit.
            angle={index * 2.1 + time / (1 + index * 0.6)}
          />
        </group>
      ))}
    </group>
  )
}

/** The services as planets around the studio: each is a link, and the HTML list of links drives it. */
export default function HeroOrbit({ planets, listId, background }: HeroOrbitProps) {
  const reach = orbitRadius(Math.max(0, planets.length - 1)) + 1
  return (
    <Stage background={background} camera={{ position: [0, reach * 0.9, reach * 1.55] }}>
      <System planets={planets} listId={listId} />
    </Stage>
  )
}
