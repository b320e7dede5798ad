// Microsoft's Office add-in Prettier config (what the Office-Addin-TaskPane templates and
// office-addin-lint use), with this project's own conventions where they differ:
// single quotes, trailing commas everywhere, and longer lines (Korean strings and norm
// citations read better unbroken).
module.exports = {
  ...require('office-addin-prettier-config'),
  singleQuote: true,
  trailingComma: 'all',
  printWidth: 140,
};
