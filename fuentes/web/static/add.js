// Adding articles: upload a file or give a URL, then follow the ingest job's progress.
// The token stays in this tab's sessionStorage and is sent as a Bearer header.
"use strict";
(function () {
  const tokenInput = document.getElementById("token");
  const status = document.getElementById("job-status");
  const bar = document.getElementById("job-progress");
  tokenInput.value = sessionStorage.getItem("fuentes-token") || "";
  tokenInput.addEventListener("change", () => sessionStorage.setItem("fuentes-token", tokenInput.value));

  function headers() {
    const token = tokenInput.value.trim();
    return token ? { Authorization: "Bearer " + token } : {};
  }

  function item(list, text, href) {
    const li = document.createElement("li");
    if (href) {
      const a = document.createElement("a");
      a.href = href; a.textContent = text;
      li.appendChild(a);
    } else {
      li.textContent = text;
    }
    document.getElementById(list).appendChild(li);
  }

  function show(job) {
    const done = job.state === "done" || job.state === "failed";
    bar.value = job.progress === null ? (done ? 1 : 0) : job.progress;
    status.textContent = `${job.label}: ${job.state} · ${job.seen} read, ${job.stored} stored, ` +
      `${job.duplicates} duplicate(s), ${job.rejected} rejected`;
    status.dataset.state = job.state;
    if (done) {
      document.getElementById("job-articles").replaceChildren();
      document.getElementById("job-messages").replaceChildren();
      for (const id of job.articles) item("job-articles", id, "/articles/" + encodeURIComponent(id));
      for (const m of job.messages) item("job-messages", m);
    }
    return done;
  }

  async function follow(response) {
    const body = await response.json().catch(() => ({}));
    if (!response.ok) {
      status.textContent = "refused: " + (body.detail ? JSON.stringify(body.detail) : response.status);
      status.dataset.state = "refused";
      return;
    }
    let job = body;
    while (!show(job)) {
      await new Promise((resolve) => setTimeout(resolve, 400));
      job = await (await fetch("/api/jobs/" + encodeURIComponent(job.id))).json();
    }
  }

  document.getElementById("upload-form").addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const file = document.getElementById("upload-file").files[0];
    if (!file) { status.textContent = "choose a file first"; return; }
    const form = new FormData();
    form.append("file", file);
    status.textContent = "uploading " + file.name + " …";
    await follow(await fetch("/api/ingest/upload", { method: "POST", headers: headers(), body: form }));
  });

  document.getElementById("url-form").addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const url = document.getElementById("url").value.trim();
    status.textContent = "fetching " + url + " …";
    await follow(await fetch("/api/ingest/url", {
      method: "POST", headers: { ...headers(), "Content-Type": "application/json" },
      body: JSON.stringify({ url }) }));
  });
})();
