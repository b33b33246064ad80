/** One of OpenCC's conversion tables, which opencc-js ships without types: "source replacement" entries joined by "|". */
declare module 'opencc-js/dict/TSCharacters' {
  const table: string;
  export default table;
}
