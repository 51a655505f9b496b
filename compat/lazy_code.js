// With content.lazy, Material sets up each code block when it first comes into view. Until then a block wider
// than the page cannot be scrolled from the keyboard, so it is made focusable here, as Material itself does on
// devices with a pointer that hovers. Every width is read before any tabindex is set: one layout, not one per
// block.
(() => {
  if (!matchMedia("(hover)").matches) return;
  const codes = [...document.querySelectorAll("article pre > code")];
  codes.filter((code) => code.scrollWidth > code.clientWidth).forEach((code) => { code.tabIndex = 0; });
})();
