/**
 * The page that renders a poster: three.js from the loopback server, every decoder the pipeline's
 * outputs can need (Draco, meshopt, Basis/KTX2) from three's own libs, a key, rim and sky light, the
 * camera framed on the model's bounding sphere. `window.renderPoster(request)` resolves once drawn.
 */
export const POSTER_PAGE = `<!doctype html>
<html><head><meta charset="utf-8">
<style>html,body{margin:0;overflow:hidden}canvas{display:block}</style>
<script type="importmap">{"imports":{"three":"/three/build/three.module.js","three/addons/":"/three/examples/jsm/"}}</script>
</head><body>
<script type="module">
import * as THREE from 'three'
import { GLTFLoader } from 'three/addons/loaders/GLTFLoader.js'
import { DRACOLoader } from 'three/addons/loaders/DRACOLoader.js'
import { KTX2Loader } from 'three/addons/loaders/KTX2Loader.js'
import { MeshoptDecoder } from 'three/addons/libs/meshopt_decoder.module.js'
import { RoomEnvironment } from 'three/addons/environments/RoomEnvironment.js'

window.renderPoster = async ({ url, width, height, background, center, radius }) => {
  const renderer = new THREE.WebGLRenderer({ antialias: true, preserveDrawingBuffer: true })
  renderer.setPixelRatio(1)
  renderer.setSize(width, height)
  renderer.toneMapping = THREE.NeutralToneMapping
  document.body.appendChild(renderer.domElement)
  const scene = new THREE.Scene()
  scene.background = new THREE.Color(background)
  // A small environment map so metals are not black; at the default 256 px, PMREM costs
  // SwiftShader about 8 s per poster, at 64 px a fraction of that.
  const pmrem = new THREE.PMREMGenerator(renderer)
  scene.environment = pmrem.fromScene(new RoomEnvironment(), 0.04, 0.1, 100, { size: 64 }).texture
  scene.environmentIntensity = 0.9
  scene.add(new THREE.HemisphereLight(0xffffff, 0x3a4250, 1.2))
  const key = new THREE.DirectionalLight(0xffffff, 2.2)
  key.position.set(1, 2, 1.5)
  const rim = new THREE.DirectionalLight(0xbcd0ff, 0.8)
  rim.position.set(-1.5, 0.5, -1)
  scene.add(key, rim)
  const loader = new GLTFLoader()
    .setDRACOLoader(new DRACOLoader().setDecoderPath('/three/examples/jsm/libs/draco/gltf/'))
    .setKTX2Loader(new KTX2Loader().setTranscoderPath('/three/examples/jsm/libs/basis/').detectSupport(renderer))
    .setMeshoptDecoder(MeshoptDecoder)
  const gltf = await loader.loadAsync(url)
  scene.add(gltf.scene)
  const fov = 30
  const camera = new THREE.PerspectiveCamera(fov, width / height, radius / 100, radius * 100)
  const fit = Math.min(1, width / height) // a portrait frame fits the sphere to its width
  const distance = (radius * 0.92) / Math.sin(THREE.MathUtils.degToRad(fov / 2)) / fit
  const target = new THREE.Vector3(...center)
  camera.position.copy(target).add(new THREE.Vector3(0.55, 0.35, 1).normalize().multiplyScalar(distance))
  camera.lookAt(target)
  renderer.render(scene, camera)
  renderer.getContext().finish()
  return true
}
window.posterReady = true
</script></body></html>`
