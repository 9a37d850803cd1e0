// Types for OpenCC's raw dictionaries (opencc-js ships them untyped): `source target…|source target…`.
declare module 'opencc-js/dict/*' {
  const dict: string;
  export default dict;
}
