// draco3dgltf ships no types; the modules are handed to glTF-Transform, which knows their shape.
declare module 'draco3dgltf' {
  const draco3d: {
    createEncoderModule(options?: object): Promise<unknown>
    createDecoderModule(options?: object): Promise<unknown>
  }
  export default draco3d
}
