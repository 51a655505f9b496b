// Sortable tables (the comparison, the case studies), enhanced: sort by any column and filter rows by text. The
// stacked cards on narrow screens and the sort arrows are CSS, keyed on the "js" class that is set before the
// first paint. Without JavaScript it stays a complete plain table and CSS hides the filter box.
(() => {
  // Made on the first sort: building a collator costs tens of milliseconds on a slow phone, on every page.
  let collator;
  const compare = (a, b) => (collator ??= new Intl.Collator("en", { sensitivity: "base", numeric: true })).compare(a, b);

  const enhance = (table) => {
    const headers = [...table.tHead.rows[0].cells];
    const body = table.tBodies[0];
    const rows = [...body.rows];
    headers.forEach((header, column) => {
      const button = Object.assign(document.createElement("button"), { type: "button", textContent: header.textContent });
      header.replaceChildren(button);
      header.setAttribute("aria-sort", "none");
      button.addEventListener("click", () => {
        const ascending = header.getAttribute("aria-sort") !== "ascending";
        headers.forEach((h) => h.setAttribute("aria-sort", "none"));
        header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        const text = (row) => row.cells[column].textContent.trim();
        const sorted = [...body.rows].sort((a, b) => compare(text(a), text(b)) * (ascending ? 1 : -1));
        body.append(...sorted);
      });
    });
    addFilter(table, rows);
  };

  // The filter box is in the page from the start, so wiring it up moves nothing.
  const addFilter = (table, rows) => {
    const container = table.closest(".sortable-table");
    const input = container.querySelector(".sortable-table__filter input");
    const status = container.querySelector(".sortable-table__status");
    input.addEventListener("input", () => {
      const query = input.value.trim().toLowerCase();
      let shown = 0;
      for (const row of rows) {
        const match = !query || row.textContent.toLowerCase().includes(query);
        row.hidden = !match;
        shown += match;
      }
      status.textContent = query ? `${shown} of ${rows.length} ${container.dataset.noun} match “${input.value.trim()}”` : "";
    });
  };

  const setUp = () => document.querySelectorAll(".sortable-table table:not([data-enhanced])").forEach((table) => {
    table.setAttribute("data-enhanced", "");
    enhance(table);
  });
  if (window.document$) window.document$.subscribe(setUp);
  else document.addEventListener("DOMContentLoaded", setUp);
})();
