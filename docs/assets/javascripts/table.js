// The comparison table, enhanced: sort by any column, filter rows by text, and stacked cards on narrow
// screens (each cell labelled with its column). Without JavaScript it stays a complete plain table.
(() => {
  const collator = new Intl.Collator("en", { sensitivity: "base", numeric: true });

  const enhance = (table) => {
    const headers = [...table.tHead.rows[0].cells];
    const body = table.tBodies[0];
    const rows = [...body.rows];
    for (const row of rows) {
      [...row.cells].forEach((cell, i) => cell.setAttribute("data-label", headers[i].textContent.trim()));
    }
    headers.forEach((header, column) => {
      const button = Object.assign(document.createElement("button"), { type: "button", textContent: header.textContent });
      header.replaceChildren(button);
      header.setAttribute("aria-sort", "none");
      button.addEventListener("click", () => {
        const ascending = header.getAttribute("aria-sort") !== "ascending";
        headers.forEach((h) => h.setAttribute("aria-sort", "none"));
        header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        const text = (row) => row.cells[column].textContent.trim();
        const sorted = [...body.rows].sort((a, b) => collator.compare(text(a), text(b)) * (ascending ? 1 : -1));
        body.append(...sorted);
      });
    });
    addFilter(table, rows);
    table.closest(".comparison-table").classList.add("comparison-table--enhanced");
  };

  const addFilter = (table, rows) => {
    const container = table.closest(".comparison-table");
    const label = Object.assign(document.createElement("label"), { className: "comparison-table__filter" });
    const input = Object.assign(document.createElement("input"), { type: "search", placeholder: "e.g. memory, GIL, wheels" });
    const status = Object.assign(document.createElement("p"), { className: "comparison-table__status" });
    status.setAttribute("aria-live", "polite");
    label.append("Filter criteria ", input);
    container.prepend(label, status);
    input.addEventListener("input", () => {
      const query = input.value.trim().toLowerCase();
      let shown = 0;
      for (const row of rows) {
        const match = !query || row.textContent.toLowerCase().includes(query);
        row.hidden = !match;
        shown += match;
      }
      status.textContent = query ? `${shown} of ${rows.length} criteria match “${input.value.trim()}”` : "";
    });
  };

  const setUp = () => document.querySelectorAll(".comparison-table table:not([data-enhanced])").forEach((table) => {
    table.setAttribute("data-enhanced", "");
    enhance(table);
  });
  if (window.document$) window.document$.subscribe(setUp);
  else document.addEventListener("DOMContentLoaded", setUp);
})();
