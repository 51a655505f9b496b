// Fixes for Material's markup that accessibility checkers flag.
// - The search dialog has no accessible name.
// - Material sets up each code block when it first comes into view (content.lazy in mkdocs.yml). Until then,
//   a block wider than the page cannot be scrolled from the keyboard, so it is made focusable here, as Material
//   itself does on devices with a pointer that hovers.
// - A table wider than the page scrolls inside its wrapper, which the keyboard can only reach through a link
//   or other focusable element in the table; a table without one gets its wrapper made focusable.
// - Each code block's copy-button bar is an unnamed <nav> landmark, so a page with several code blocks has
//   several indistinguishable landmarks. Each bar is named after its code block's place on the page when
//   Material adds it.
(() => {
  document.querySelector(".md-search[role=dialog]")?.setAttribute("aria-label", "Search");
  const blocks = [...document.querySelectorAll("article pre")];
  // Every width is read before any tabindex is set, so the page is laid out once, not once per block.
  const codes = matchMedia("(hover)").matches ? blocks.map((pre) => pre.querySelector(":scope > code")) : [];
  const tables = [...document.querySelectorAll("article .md-typeset__scrollwrap")]
    .filter((wrap) => wrap.scrollWidth > wrap.clientWidth && !wrap.querySelector("a[href], [tabindex]"));
  codes.filter((code) => code && code.scrollWidth > code.clientWidth).forEach((code) => { code.tabIndex = 0; });
  tables.forEach((wrap) => { wrap.tabIndex = 0; });
  const watch = new MutationObserver((records) => {
    for (const { target, addedNodes } of records) {
      for (const node of addedNodes) {
        if (node.matches?.("nav.md-code__nav")) node.setAttribute("aria-label", `Code block ${blocks.indexOf(target) + 1}`);
      }
    }
  });
  blocks.forEach((block) => watch.observe(block, { childList: true }));
})();
