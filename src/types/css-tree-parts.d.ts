// css-tree's tokenizer and utils entry points (package.json `exports`), which its types
// (@types/css-tree) declare only as parts of the main module.
declare module 'css-tree/tokenizer' {
  export { tokenize, tokenTypes } from 'css-tree';
}
declare module 'css-tree/utils' {
  export { ident, string, url } from 'css-tree';
}
