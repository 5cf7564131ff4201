import { useFrame } from '@react-three/fiber'
import { type RefObject, useRef } from 'react'
import type { Group } from 'three'
import { useHost, useSignals } from './host.ts'
import { LodModel } from './LodModel.tsx'
import { Framing } from './Scene.tsx'
import type { OrbitPlanet, SceneProps } from './scene-props.ts'
import { useIdleMotion } from './spin.ts'

const PLANET_RADIUS = 0.55
const orbitRadius = (index: number) => 2.2 + index * 1.5
const COLOURS = ['#f59e4c', '#4cc3b5', '#8b7cf6', '#e0607e', '#6fb1ff', '#c7d36f']

/** Where a planet is at `time` (seconds of motion): outer planets are slower, as in any orbit. */
function placePlanet(group: Group, index: number, time: number) {
  const angle = index * 2.1 + time / (1 + index * 0.6)
  const r = orbitRadius(index)
  group.position.set(Math.cos(angle) * r, 0, Math.sin(angle) * r)
}

function Planet(props: {
  planet: OrbitPlanet
  index: number
  highlighted: boolean
  time: RefObject<number>
}) {
  const { planet, index, highlighted, time } = props
  const host = useHost()
  const group = useRef<Group>(null)
  const size = highlighted ? PLANET_RADIUS * 1.35 : PLANET_RADIUS
  // Moved on each frame, not re-rendered: the motion costs React nothing.
  useFrame(() => {
    if (group.current) placePlanet(group.current, index, time.current)
  })
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: a three.js group, not DOM; keyboard users have the HTML list of the same links
    <group
      ref={(node) => {
        group.current = node
        if (node) placePlanet(node, index, time.current)
      }}
      onClick={() => host.navigate(planet.href)}
      onPointerOver={() => host.setCursor('pointer')}
      onPointerOut={() => host.setCursor('')}
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

/**
 * The services as planets around the studio. Each planet is a link, and the page's HTML list of the
 * same links drives it: the boot script (or the main-thread stage) follows focus and hover in that
 * list and the focused link's planet lights up (`highlighted`).
 */
export default function HeroOrbit({ planets, background }: SceneProps<'orbit'>) {
  const host = useHost()
  const { highlighted } = useSignals()
  const time = useRef(0)
  const shown = useRef(false)
  useIdleMotion((delta) => {
    time.current += delta
  })
  useFrame(() => {
    if (shown.current) return
    shown.current = true
    requestAnimationFrame(() => host.setState('ready'))
  })
  const reach = orbitRadius(Math.max(0, planets.length - 1)) + 1
  return (
    <>
      <Framing position={[0, reach * 0.9, reach * 1.55]} background={background} />
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
          <Planet planet={planet} index={index} highlighted={highlighted === index} time={time} />
        </group>
      ))}
    </>
  )
}
