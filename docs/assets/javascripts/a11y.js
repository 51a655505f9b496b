// Names for two pieces of Material's markup that accessibility checkers flag: the search dialog has no
// accessible name, and each code block's copy-button bar is an unnamed <nav> landmark, so a page with several
// code blocks has several indistinguishable landmarks. Each bar gets a name of its own.
(() => {
  const label = () => {
    document.querySelector(".md-search[role=dialog]")?.setAttribute("aria-label", "Search");
    document.querySelectorAll("nav.md-code__nav").forEach((bar, index) => {
      bar.setAttribute("aria-label", `Code block ${index + 1}`);
    });
  };
  if (window.document$) window.document$.subscribe(() => setTimeout(label, 0));
  else document.addEventListener("DOMContentLoaded", label);
})();
