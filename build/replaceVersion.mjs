/** A tiny rollup plugin that puts the package version where the source says `__LIBRARY_VERSION__`. */
export default function replaceVersion(version) {
  return {
    name: 'replace-version',
    transform(code) {
      if (!code.includes('__LIBRARY_VERSION__')) return null;
      return {
        code: code.replace(
          /typeof __LIBRARY_VERSION__ === 'string' \? __LIBRARY_VERSION__ : '0\.0\.0-dev'/g,
          JSON.stringify(version),
        ),
        map: null,
      };
    },
  };
}
