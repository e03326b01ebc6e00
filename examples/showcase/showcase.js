// The showcase page: plain JavaScript, no build step. Every call goes to the apps the deployment
// file mounts: /actors, /topics and /pages.
"use strict";

const json = (method, url, body) => fetch(url, {
  method,
  headers: { "Content-Type": "application/json", "Accept": "application/json" },
  body: body === undefined ? undefined : JSON.stringify(body),
});

// The counter: an actor whose messages are handled one at a time; a POST answers 202 before the
// message is handled, so the page reads the state again until the version moves on.
const counterUrl = "/actors/counter";
const countOutput = document.getElementById("counter-count");

async function showCount(afterVersion) {
  for (let attempt = 0; attempt < 50; attempt++) {
    const response = await fetch(counterUrl, { headers: { "Accept": "application/json" } });
    if (response.status === 404) {
      countOutput.textContent = "none yet";
      return;
    }
    const actor = await response.json();
    if (afterVersion === undefined || actor.version > afterVersion) {
      countOutput.textContent = String(actor.state.count);
      countOutput.dataset.version = String(actor.version);
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

document.getElementById("counter-create").addEventListener("click", async () => {
  await json("PUT", counterUrl, { type: "counter", state: { count: 0 } });
  await showCount();
});

document.getElementById("counter-add").addEventListener("click", async () => {
  const before = Number(countOutput.dataset.version || 0);
  await json("POST", counterUrl, { add: 1 });
  await showCount(before);
});

// The news: Server-Sent Events. EventSource reconnects by itself after a cut, sending the last
// id it saw as Last-Event-ID, so the list neither loses nor repeats an event.
const newsState = document.getElementById("news-state");
const newsList = document.getElementById("news-events");
const news = new EventSource("/topics/news/events");
news.addEventListener("open", () => { newsState.textContent = "live"; });
news.addEventListener("error", () => { newsState.textContent = "reconnecting"; });
news.addEventListener("message", (event) => {
  const item = document.createElement("li");
  item.dataset.seq = event.lastEventId;
  item.textContent = JSON.parse(event.data).text;
  newsList.append(item);
});

document.getElementById("news-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const text = document.getElementById("news-text");
  await json("POST", "/topics/news", { text: text.value });
  text.value = "";
});

// The greeting: rendered once, on PUT; the frame then GETs the stored bytes.
document.getElementById("greeting-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const name = document.getElementById("greeting-name").value;
  const url = "/pages/greetings/" + encodeURIComponent(name.toLowerCase());
  const response = await json("PUT", url, { name });
  if (response.ok) {
    document.getElementById("greeting-page").src = response.headers.get("Content-Location") || url;
  }
});

showCount();
